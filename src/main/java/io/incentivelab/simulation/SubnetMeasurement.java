package io.incentivelab.simulation;

import io.incentivelab.simulation.model.Metric;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.VerificationSpec;
import io.incentivelab.simulation.scoring.Component;
import io.incentivelab.simulation.scoring.ScoringParser;
import io.incentivelab.simulation.scoring.ScoringProgram;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a subnet's validators score its miner UIDs (model.md §4), from the subnet's epoch stream.
 *
 * <p><b>Metric</b> of miner UID j by validator v: SPEED = compute_j·ε; STORAGE = claim_j·ε with claim =
 * storage (×overclaim for cheaters) and, for a cheater, an audit with probability auditRate that catches it;
 * ACCURACY = Binomial(n, q_j)/n·ε where a copier answers with the best honest operator's quality and each
 * evaluation detects it with probability copyDetection; ε = exp(σ Z) is the validator's noise. A caught UID
 * scores 0 with that validator for the epoch and the next penaltyEpochs epochs. MIXED = Σ_c w_c · s_c / max_j s_c.
 * The binomial uses the normal approximation round(np + √(npq) Z) when npq ≥ 9 and exact inversion otherwise.
 * Noise comes from the {@link NormalTable} (engine-4): for each validator and measured component, one 64-bit
 * draw gives the table indices of five UIDs (12 bits each), drawn for every slot before the audits, copy checks
 * and binomials, which follow in UID order. SPEED or STORAGE with nobody catchable and no penalty running is one
 * pass (score = resource · ε).
 *
 * <p><b>Scoring expression</b> (docs/scoring.md): when the subnet has one, it is compiled once here and each
 * validator's scores are the program's output over the measured components it reads, measured as above in
 * the same order (noise draws of speed, storage, quality, latency; then per UID the storage audit, the copy
 * check, the duplicate check and the binomial): speed = compute·ε, storage = claim·ε, quality =
 * Binomial(n, q)/n·ε, latency = the operator's latency·ε, gpuClass exact. A caught or empty UID scores 0 (its
 * components are 0 for the ema terms). Each validator keeps its own ema state; a UID that changes hands
 * starts afresh. {@code "speed"} gives the same scores, draw for draw, as the SPEED metric.
 *
 * <p><b>Duplicate models</b>: with duplicateDetection &gt; 0, every UID of an operator after its first is a copy
 * of the same model; each evaluation of quality detects it with that probability (drawn after the copy check).
 */
final class SubnetMeasurement {

    private final int nVal;
    private final int nMiners;
    /** The owner of each miner slot (the population's array, read only here). */
    private final Operator[] owner;

    // metric
    private final boolean useSpeed;
    private final boolean useStorage;
    private final boolean useAccuracy;
    private final boolean mixed;
    private final double wSpeed;
    private final double wStorage;
    private final double wAccuracy;
    /** The compiled scoring expression, or null (the metric scores). */
    private final ScoringProgram program;
    private final ScoringProgram.EmaState[] emaStates;
    private final boolean mSpeed;
    private final boolean mStorage;
    private final boolean mQuality;
    private final boolean mLatency;
    private final double[][] components;
    private final double[] uidLatency;
    private final double[] uidGpuClass;
    private final double[] sLatency;
    private final double[] epsLatency;
    private final boolean[] zeroed;
    private final boolean[] slotDuplicate;
    private final double duplicateDetection;

    private final boolean[] slotCheater;
    private final boolean[] slotCopier;
    private final double overclaim;

    // miner UIDs
    private final double[] uidCompute;
    private final double[] uidClaim;
    private final double[] accMean;
    private final double[] accSd;
    private final double[] accP;
    private final double[] accP0;
    /** Per UID, the inversion cdf_0 … cdf_{len−1} of {@link #binomial} for p = accP (its bits in cdfKey). */
    private final double[][] cdfTable;
    private final int[] cdfLen;
    private final long[] cdfKey;
    /** pk at the last cdf entry (to extend the table). */
    private final double[] cdfPk;
    private final int evalSamples;
    private final double auditRate;
    private final int penaltyEpochs;
    private final double copyDetection;
    /** Per (validator, miner slot), the first epoch at which a caught UID scores again. */
    private final int[] penaltyUntil;

    // scratch
    private final SplittableRandom rng;
    private final double[] noise;
    private final boolean noisy;
    private final double[] sSpeed;
    private final double[] sStorage;
    private final double[] sAccuracy;
    private final double[] score;
    private final double[] ones;
    private final double[] epsSpeed;
    private final double[] epsStorage;
    private final double[] epsAccuracy;
    /** An audit or copy check can catch somebody (a cheater under audits, or a copier under checks); set by {@link #rebuild}. */
    private boolean catchPossible;
    /** Some miner slot has no owner (it scores 0); set by {@link #rebuild}. */
    private boolean anyEmpty;
    /** No penalty lasts beyond this epoch. */
    private int penaltyHorizon;

    /**
     * @param owner the population's slot owners (read at every measurement and {@link #rebuild})
     * @param rng   the subnet's epoch stream
     * @param noise {@link NormalTable#lognormal} of the validators' σ (read only; shared by the runs of a
     *              {@link Simulator})
     */
    SubnetMeasurement(SubnetSpec spec, int nVal, Operator[] owner, SplittableRandom rng, double[] noise) {
        this.nVal = nVal;
        this.nMiners = owner.length;
        this.owner = owner;
        this.rng = rng;
        this.noise = noise;
        noisy = spec.validators().noiseSigma() > 0;
        overclaim = spec.miners().cheaterOverclaim();
        mixed = spec.metric() == Metric.MIXED;
        double ws = mixed ? spec.metricWeights().speed() : spec.metric() == Metric.SPEED ? 1 : 0;
        double wt = mixed ? spec.metricWeights().storage() : spec.metric() == Metric.STORAGE ? 1 : 0;
        double wa = mixed ? spec.metricWeights().accuracy() : spec.metric() == Metric.ACCURACY ? 1 : 0;
        double wsum = ws + wt + wa;
        wSpeed = ws / wsum;
        wStorage = wt / wsum;
        wAccuracy = wa / wsum;
        useSpeed = wSpeed > 0;
        useStorage = wStorage > 0;
        useAccuracy = wAccuracy > 0;
        program = spec.scoring().isBlank() ? null : ScoringParser.compile(spec.scoring());
        mSpeed = program != null && program.uses(Component.SPEED);
        mStorage = program != null && program.uses(Component.STORAGE);
        mQuality = program != null && program.uses(Component.QUALITY);
        mLatency = program != null && program.uses(Component.LATENCY);

        VerificationSpec ver = spec.verification();
        evalSamples = ver.evalSamples();
        auditRate = ver.auditRate();
        penaltyEpochs = ver.penaltyEpochs();
        copyDetection = ver.copyDetection();
        duplicateDetection = ver.duplicateDetection();
        slotCheater = new boolean[nMiners];
        slotCopier = new boolean[nMiners];
        slotDuplicate = new boolean[nMiners];
        uidLatency = new double[nMiners];
        uidGpuClass = new double[nMiners];
        uidCompute = new double[nMiners];
        uidClaim = new double[nMiners];
        accMean = new double[nMiners];
        accSd = new double[nMiners];
        accP = new double[nMiners];
        accP0 = new double[nMiners];
        cdfTable = new double[nMiners][];
        cdfLen = new int[nMiners];
        cdfKey = new long[nMiners];
        cdfPk = new double[nMiners];
        penaltyUntil = new int[nVal * nMiners];

        sSpeed = new double[nMiners];
        sStorage = new double[nMiners];
        sAccuracy = new double[nMiners];
        score = new double[nMiners];
        ones = new double[nMiners];
        Arrays.fill(ones, 1.0);
        epsSpeed = new double[nMiners];
        epsStorage = new double[nMiners];
        epsAccuracy = new double[nMiners];
        sLatency = new double[nMiners];
        epsLatency = new double[nMiners];
        zeroed = new boolean[nMiners];
        components = new double[Component.values().length][];
        components[Component.SPEED.ordinal()] = sSpeed;
        components[Component.STORAGE.ordinal()] = sStorage;
        components[Component.QUALITY.ordinal()] = sAccuracy;
        components[Component.LATENCY.ordinal()] = sLatency;
        components[Component.GPU_CLASS.ordinal()] = uidGpuClass;
        emaStates = new ScoringProgram.EmaState[program != null && program.emaTerms() > 0 ? nVal : 0];
        for (int v = 0; v < emaStates.length; v++) {
            emaStates[v] = program.newState(nMiners);
        }
    }

    /**
     * Recomputes every slot's measured quantities from its owner: compute and storage split equally over the
     * owner's UIDs here, the storage claim (× overclaim for cheaters), the quality answered (a copier answers
     * with the best non-copier among {@code ops}), and whether anybody can be caught or a slot is empty.
     */
    void rebuild(List<Operator> ops) {
        Operator leader = null;
        for (Operator op : ops) {
            if (!op.copier && (leader == null || op.quality > leader.quality)) {
                leader = op;
            }
        }
        for (int j = 0; j < nMiners; j++) {
            Operator op = owner[j];
            if (op == null) {
                uidCompute[j] = 0;
                uidClaim[j] = 0;
                accP[j] = 0;
                accMean[j] = 0;
                accSd[j] = 0;
                accP0[j] = 1;
                slotCheater[j] = false;
                slotCopier[j] = false;
                slotDuplicate[j] = false;
                uidLatency[j] = 0;
                uidGpuClass[j] = 0;
                continue;
            }
            int k = op.slots.length;
            uidCompute[j] = op.compute / k;
            uidClaim[j] = op.storage / k * (op.cheater ? overclaim : 1);
            slotCheater[j] = op.cheater;
            slotCopier[j] = op.copier;
            slotDuplicate[j] = op.slots.length > 1 && op.slots[0] != j;
            uidLatency[j] = op.latency;
            uidGpuClass[j] = op.gpuClass;
            double q = op.copier && leader != null ? leader.quality : op.quality;
            accP[j] = q;
            accMean[j] = evalSamples * q;
            accSd[j] = Math.sqrt(evalSamples * q * (1 - q));
            double qq = Math.min(q, 1 - q);
            accP0[j] = StrictMath.pow(1 - qq, evalSamples);
        }
        boolean catchable = false;
        for (int j = 0; j < nMiners; j++) {
            boolean storage = program != null ? mStorage : useStorage;
            boolean quality = program != null ? mQuality : useAccuracy;
            catchable |= owner[j] != null && ((storage && auditRate > 0 && slotCheater[j])
                    || (quality && copyDetection > 0 && slotCopier[j])
                    || (quality && duplicateDetection > 0 && slotDuplicate[j]));
        }
        catchPossible = catchable;
        boolean empty = false;
        for (int j = 0; j < nMiners; j++) {
            empty |= owner[j] == null;
        }
        anyEmpty = empty;
    }

    /** Slot j has a new UID: its ema state and its penalties start afresh. */
    void resetSlot(int j) {
        forgetEma(j);
        for (int v = 0; v < nVal; v++) {
            penaltyUntil[v * nMiners + j] = 0;
        }
    }

    /** Slot j changed hands: the scoring expression's ema state of it starts afresh. */
    void forgetEma(int j) {
        for (ScoringProgram.EmaState st : emaStates) {
            st.reset(j);
        }
    }

    /** The scores of the last {@link #measure} (read only; overwritten by the next). */
    double[] scores() {
        return score;
    }

    /**
     * Validator v's scores of every miner UID at epoch e into {@link #scores}; returns the largest (0 if none is
     * positive). The noise factors of every UID and measured component are drawn first ({@link #drawNoise}), then
     * the audits, copy checks and binomials in UID order.
     */
    double measure(int v, int e) {
        if (program != null) {
            return measureExpression(v, e);
        }
        if (!mixed && !useAccuracy && !catchPossible && penaltyHorizon <= e) {
            // SPEED or STORAGE with nobody to catch: score = resource · noise; empty slots hold 0
            return drawNoise(useSpeed ? uidCompute : uidClaim, score);
        }
        if (useSpeed) {
            drawNoise(ones, epsSpeed);
        }
        if (useStorage) {
            drawNoise(ones, epsStorage);
        }
        if (useAccuracy) {
            drawNoise(ones, epsAccuracy);
        }
        int base = v * nMiners;
        // the checks that can draw, hoisted: each is drawn only where the old per-UID condition drew it
        boolean audit = useStorage && auditRate > 0;
        boolean copy = useAccuracy && copyDetection > 0;
        boolean dup = useAccuracy && duplicateDetection > 0;
        if (!mixed) {
            // one component (its flag alone is set): scores straight into score, the other arrays unread
            int metric = useSpeed ? 0 : useStorage ? 1 : 2;
            double max = 0;
            for (int j = 0; j < nMiners; j++) {
                if (penaltyUntil[base + j] > e || owner[j] == null) {
                    score[j] = 0;
                    continue;
                }
                if ((audit && slotCheater[j] && rng.nextDouble() < auditRate)
                        || (copy && slotCopier[j] && rng.nextDouble() < copyDetection)
                        || (dup && slotDuplicate[j] && rng.nextDouble() < duplicateDetection)) {
                    int until = e + 1 + penaltyEpochs;
                    penaltyUntil[base + j] = until;
                    penaltyHorizon = Math.max(penaltyHorizon, until);
                    score[j] = 0;
                    continue;
                }
                double x = metric == 0 ? uidCompute[j] * epsSpeed[j]
                        : metric == 1 ? uidClaim[j] * epsStorage[j]
                        : binomial(j) / evalSamples * epsAccuracy[j];
                score[j] = x;
                max = Math.max(max, x);
            }
            return max;
        }
        double maxSpeed = 0;
        double maxStorage = 0;
        double maxAcc = 0;
        for (int j = 0; j < nMiners; j++) {
            if (penaltyUntil[base + j] > e || owner[j] == null) {
                sSpeed[j] = 0;
                sStorage[j] = 0;
                sAccuracy[j] = 0;
                continue;
            }
            boolean caught = (audit && slotCheater[j] && rng.nextDouble() < auditRate)
                    || (copy && slotCopier[j] && rng.nextDouble() < copyDetection)
                    || (dup && slotDuplicate[j] && rng.nextDouble() < duplicateDetection);
            if (caught) {
                int until = e + 1 + penaltyEpochs;
                penaltyUntil[base + j] = until;
                penaltyHorizon = Math.max(penaltyHorizon, until);
                sSpeed[j] = 0;
                sStorage[j] = 0;
                sAccuracy[j] = 0;
                continue;
            }
            if (useSpeed) {
                double x = uidCompute[j] * epsSpeed[j];
                sSpeed[j] = x;
                maxSpeed = Math.max(maxSpeed, x);
            }
            if (useStorage) {
                double x = uidClaim[j] * epsStorage[j];
                sStorage[j] = x;
                maxStorage = Math.max(maxStorage, x);
            }
            if (useAccuracy) {
                double x = binomial(j) / evalSamples * epsAccuracy[j];
                sAccuracy[j] = x;
                maxAcc = Math.max(maxAcc, x);
            }
        }
        double fs = maxSpeed > 0 ? wSpeed / maxSpeed : 0;
        double ft = maxStorage > 0 ? wStorage / maxStorage : 0;
        double fa = maxAcc > 0 ? wAccuracy / maxAcc : 0;
        double max = 0;
        for (int j = 0; j < nMiners; j++) {
            double x = (useSpeed ? fs * sSpeed[j] : 0) + (useStorage ? ft * sStorage[j] : 0)
                    + (useAccuracy ? fa * sAccuracy[j] : 0);
            score[j] = x;
            max = Math.max(max, x);
        }
        return max;
    }

    /** Validator v's scores by the scoring expression (see the class comment); returns the largest. */
    private double measureExpression(int v, int e) {
        if (!mQuality && !catchPossible && penaltyHorizon <= e) {
            // nobody to catch and no binomial: each noisy component is one pass (the same draws and products as
            // below), and only empty slots need zeroing
            if (mSpeed) {
                drawNoise(uidCompute, sSpeed);
            }
            if (mStorage) {
                drawNoise(uidClaim, sStorage);
            }
            if (mLatency) {
                drawNoise(uidLatency, sLatency);
            }
            double max = program.evaluate(components, nMiners, emaStates.length > 0 ? emaStates[v] : null, score);
            if (anyEmpty) {
                max = 0;
                for (int j = 0; j < nMiners; j++) {
                    if (owner[j] == null) {
                        score[j] = 0;
                    }
                    max = Math.max(max, score[j]);
                }
            }
            return max;
        }
        if (mSpeed) {
            drawNoise(ones, epsSpeed);
        }
        if (mStorage) {
            drawNoise(ones, epsStorage);
        }
        if (mQuality) {
            drawNoise(ones, epsAccuracy);
        }
        if (mLatency) {
            drawNoise(ones, epsLatency);
        }
        int base = v * nMiners;
        boolean anyZeroed = false;
        for (int j = 0; j < nMiners; j++) {
            boolean zero = penaltyUntil[base + j] > e || owner[j] == null;
            if (!zero && ((mStorage && slotCheater[j] && auditRate > 0 && rng.nextDouble() < auditRate)
                    || (mQuality && slotCopier[j] && copyDetection > 0 && rng.nextDouble() < copyDetection)
                    || (mQuality && slotDuplicate[j] && duplicateDetection > 0
                            && rng.nextDouble() < duplicateDetection))) {
                int until = e + 1 + penaltyEpochs;
                penaltyUntil[base + j] = until;
                penaltyHorizon = Math.max(penaltyHorizon, until);
                zero = true;
            }
            zeroed[j] = zero;
            anyZeroed |= zero;
            if (zero) {
                sSpeed[j] = 0;
                sStorage[j] = 0;
                sAccuracy[j] = 0;
                sLatency[j] = 0;
                continue;
            }
            if (mSpeed) {
                sSpeed[j] = uidCompute[j] * epsSpeed[j];
            }
            if (mStorage) {
                sStorage[j] = uidClaim[j] * epsStorage[j];
            }
            if (mQuality) {
                sAccuracy[j] = binomial(j) / evalSamples * epsAccuracy[j];
            }
            if (mLatency) {
                sLatency[j] = uidLatency[j] * epsLatency[j];
            }
        }
        double max = program.evaluate(components, nMiners, emaStates.length > 0 ? emaStates[v] : null, score);
        if (anyZeroed) {
            max = 0;
            for (int j = 0; j < nMiners; j++) {
                if (zeroed[j]) {
                    score[j] = 0;
                }
                max = Math.max(max, score[j]);
            }
        }
        return max;
    }

    /**
     * out[j] = base[j] · ε_j for every miner slot, ε_j = exp(σ z) from the {@link NormalTable} with the table
     * index taken from 12 bits of a 64-bit draw (five UIDs per draw); without noise, out = base and nothing is
     * drawn. Returns max(0, max out).
     */
    private double drawNoise(double[] base, double[] out) {
        int m = nMiners;
        double max = 0;
        if (!noisy) {
            for (int j = 0; j < m; j++) {
                double x = base[j];
                out[j] = x;
                max = Math.max(max, x);
            }
            return max;
        }
        final double[] t = noise;
        final int mask = NormalTable.SIZE - 1;
        final int b = NormalTable.BITS;
        int j = 0;
        for (; j + 5 <= m; j += 5) {
            long r = rng.nextLong();
            double x0 = base[j] * t[(int) r & mask];
            double x1 = base[j + 1] * t[(int) (r >>> b) & mask];
            double x2 = base[j + 2] * t[(int) (r >>> 2 * b) & mask];
            double x3 = base[j + 3] * t[(int) (r >>> 3 * b) & mask];
            double x4 = base[j + 4] * t[(int) (r >>> 4 * b) & mask];
            out[j] = x0;
            out[j + 1] = x1;
            out[j + 2] = x2;
            out[j + 3] = x3;
            out[j + 4] = x4;
            max = Math.max(max, Math.max(Math.max(x0, x1), Math.max(Math.max(x2, x3), x4)));
        }
        if (j < m) {
            long r = rng.nextLong();
            for (; j < m; j++, r >>>= b) {
                double x = base[j] * t[(int) r & mask];
                out[j] = x;
                max = Math.max(max, x);
            }
        }
        return max;
    }

    /** Tasks solved out of evalSamples by UID j: normal approximation if npq ≥ 9, else exact inversion. */
    private double binomial(int j) {
        double sd = accSd[j];
        int trials = evalSamples;
        if (sd * sd >= 9) {
            double k = Math.rint(accMean[j] + sd * NormalTable.Z[rng.nextInt() >>> (32 - NormalTable.BITS)]);
            // max(0, min(trials, k)) by compares: k is never NaN (mean, sd and Z are finite), and a -0 from rint
            // becomes +0 as Math.max(0, -0) makes it
            double y = k < trials ? k : trials;
            return y > 0 ? y : 0;
        }
        double p = accP[j];
        boolean flip = p > 0.5;
        double u = rng.nextDouble();
        // inversion: the first k with u <= cdf_k (k = trials if none below trials), over the cdf that the
        // recurrence pk_{k+1} = pk_k · ((trials − k)/(k + 1) · ratio), cdf_{k+1} = cdf_k + pk_{k+1} gives from
        // pk_0 = accP0; the cdf of UID j is kept (for this p) and extended as far as a draw needs it
        long key = Double.doubleToRawLongBits(p);
        double[] cdf = cdfTable[j];
        int len = cdfLen[j];
        if (len == 0 || cdfKey[j] != key) {
            if (cdf == null) {
                cdf = new double[Math.min(trials, 16)];
                cdfTable[j] = cdf;
            }
            cdf[0] = accP0[j];
            cdfPk[j] = accP0[j];
            cdfKey[j] = key;
            len = 1;
            cdfLen[j] = 1;
        }
        int k = 0;
        while (k < len && u > cdf[k]) {
            k++;
        }
        if (k == len && k < trials) {
            double q = flip ? 1 - p : p;
            double ratio = q / (1 - q);
            double pk = cdfPk[j];
            do {
                if (len == cdf.length) {
                    cdf = Arrays.copyOf(cdf, Math.min(trials, 2 * len));
                    cdfTable[j] = cdf;
                }
                // the step from k = len − 1 to len
                pk *= (double) (trials - (len - 1)) / len * ratio;
                cdf[len] = cdf[len - 1] + pk;
                len++;
            } while (u > cdf[k] && ++k < trials);
            cdfPk[j] = pk;
            cdfLen[j] = len;
        }
        return flip ? trials - k : k;
    }

    /** Noise-free score of a UID with compute c, storage claim st and quality q, given the subnet's maxima. */
    double scoreOf(double c, double st, double q, double maxC, double maxSt, double maxQ) {
        return (useSpeed && maxC > 0 ? wSpeed * c / maxC : 0) + (useStorage && maxSt > 0 ? wStorage * st / maxSt : 0)
                + (useAccuracy && maxQ > 0 ? wAccuracy * q / maxQ : 0);
    }

    /**
     * The measured quantities of the occupied slots not held by {@code except} (compute, storage claim,
     * quality answered) into {@code c}, {@code t}, {@code q}; returns how many.
     */
    int otherComponents(Operator except, double[] c, double[] t, double[] q) {
        int m = 0;
        for (int j = 0; j < nMiners; j++) {
            if (owner[j] != null && owner[j] != except) {
                c[m] = uidCompute[j];
                t[m] = uidClaim[j];
                q[m] = accP[j];
                m++;
            }
        }
        return m;
    }

    /** The factor by which a cheater claims more storage than it holds. */
    double overclaim() {
        return overclaim;
    }

    /** True when the metric rewards the resource (0 compute, 1 storage, 2 quality). */
    boolean uses(int resource) {
        return resource == 0 ? useSpeed : resource == 1 ? useStorage : useAccuracy;
    }

    /** The resource the metric weights most (0 compute, 1 storage, 2 quality). */
    int mainResource() {
        return wSpeed >= wStorage && wSpeed >= wAccuracy ? 0 : wStorage >= wAccuracy ? 1 : 2;
    }

    /** How much of what this metric rewards an operator holds: Σ_c w_c · resource_c / reference_c. */
    double rewarded(Operator op, double[] reference) {
        return wSpeed * op.compute / reference[0] + wStorage * op.storage / reference[1]
                + wAccuracy * op.quality / reference[2];
    }

    /**
     * The rewarded resource of holdings (c, st, q) against the means (mc, mst, mq): Σ_c w_c · x_c / mean_c over
     * the components the metric weights.
     */
    double rewardedResource(double c, double st, double q, double mc, double mst, double mq) {
        return (wSpeed > 0 ? wSpeed * c / mc : 0) + (wStorage > 0 ? wStorage * st / mst : 0)
                + (wAccuracy > 0 ? wAccuracy * q / mq : 0);
    }
}
