package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.metrics.Concentration;
import io.incentivelab.simulation.model.BetaSpec;
import io.incentivelab.simulation.model.EconomicsSpec;
import io.incentivelab.simulation.model.InitialWeightsSpec;
import io.incentivelab.simulation.model.LogNormalSpec;
import io.incentivelab.simulation.model.Metric;
import io.incentivelab.simulation.model.MinersSpec;
import io.incentivelab.simulation.model.Placement;
import io.incentivelab.simulation.model.StakeDistribution;
import io.incentivelab.simulation.model.StakeSpec;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.model.StrategyMix;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.ValidatorsSpec;
import io.incentivelab.simulation.model.VerificationSpec;
import io.incentivelab.simulation.scoring.Component;
import io.incentivelab.simulation.scoring.ScoringParser;
import io.incentivelab.simulation.scoring.ScoringProgram;
import io.incentivelab.simulation.yuma.YumaCarry;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The mutable state of one subnet during one run (created inside {@link Simulator#run}), and its epoch.
 *
 * <p><b>Population</b> (fixed). UIDs 0..V−1 are validators, V.. are miners; operator o runs UIDs
 * V + o·k … V + o·k + k − 1 and splits its compute and storage equally among them. Resources come from
 * percentiles u ~ U(0,1)³: compute = median·exp(σ Φ⁻¹(u₁)), storage likewise, quality = Beta⁻¹(u₃).
 * With placement STRONGEST_RESOURCE the largest percentile is swapped into the resource the metric
 * weights most — exact conditioning on "strongest resource = that one", by symmetry.
 *
 * <p><b>Measurement</b> (model.md §4) of miner UID j by validator v, every {@code remeasureEveryEpochs}:
 * SPEED = compute_j·ε; STORAGE = claim_j·ε with claim = storage (×overclaim for cheaters) and, for a
 * cheater, an audit with probability auditRate that catches it; ACCURACY = Binomial(n, q_j)/n·ε where a
 * copier answers with the best honest operator's quality and each evaluation detects it with probability
 * copyDetection; ε = exp(σ Z) is the validator's noise. A caught UID scores 0 with that validator for the
 * epoch and the next penaltyEpochs epochs. MIXED = Σ_c w_c · s_c / max_j s_c. The binomial uses the
 * normal approximation round(np + √(npq) Z) when npq ≥ 9 and exact inversion otherwise. Noise comes from the
 * {@link NormalTable} (engine-4): for each validator and measured component, one 64-bit draw gives the table
 * indices of five UIDs (12 bits each), drawn for every slot before the audits, copy checks and binomials,
 * which follow in UID order. SPEED or STORAGE with nobody catchable and no penalty running is one pass
 * (score = resource · ε), and a PROPORTIONAL curve quantises the scores directly (its weights are s / max s).
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
 *
 * <p><b>Weights</b>: scores → {@link RewardCurves} → u16; a CARTEL validator then moves a share b of its
 * (normalised) weight equally onto the cartel's UIDs; a WEIGHT_COPIER submits the Yuma consensus it can
 * see, lag = 1 epoch, or 1 + revealPeriod with commit-reveal. Validators set weights every epoch.
 *
 * <p><b>Distributions</b>: {@code lorenzEmission.pXX} and {@code lorenzResource.pXX} are the Lorenz curves of
 * miner emission and of the rewarded resource across operators at XX % of operators, poorest first
 * ({@link Concentration#lorenz}); with the last-quarter mean of the summary they give mean Lorenz curves.
 *
 * <p><b>Payment</b> (model.md §2, yuma.md §7) by {@link SubnetEmissionSplit}: owner = floor(E·cut/65535) with
 * cut = round(ownerShare·65535) (0.18 → 11796, the chain's); the rest splits into a miner pool
 * (minerShare/(minerShare+validatorShare)) paid by incentive I_j/ΣI and a validator pool paid by
 * dividends D_i/ΣD (active stake, then stake, if ΣD = 0); if ΣI = 0 the miner pool goes to validators
 * too. Each amount is floored to rao. Stakes do not compound in this version.
 *
 * <p><b>Moving population</b> (economics on): the subnet has {@code maxUids − V} miner slots; a slot is
 * owned by an {@link Operator} or empty (never registered, or left by an operator that moved, shrank or
 * exited: such a UID stays registered, scores 0 and is the first to be pruned). {@link #register} takes a
 * never-registered slot, else prunes (yuma.md §10), and resets the UID's chain state.
 */
final class SubnetRun {

    /** Output keys of a subnet, in output order. */
    static final List<String> KEYS = List.of(
            "emissionTao", "minerEmissionTao", "validatorEmissionTao", "ownerEmissionTao",
            "giniEmission", "hhiEmission", "effectiveOperators", "nakamotoEmission", "top1Share", "top10Share",
            "giniRewardedResource", "validatorDividendGini",
            "cheaterEmissionShare", "copierEmissionShare", "cartelEmissionShare",
            "weightCopierDividendShare", "cartelDividendShare",
            "resources.compute", "resources.storage", "resources.quality",
            "rewardAffinity.compute", "rewardAffinity.storage", "rewardAffinity.quality",
            "operators", "activeUids",
            "sybilEmissionShare", "burnPriceTao", "registrationsPerDay", "operatorsEnteredPerDay",
            "operatorsLeftPerDay", "prunedPerDay", "roiMedian", "roiP10", "roiP90", "roiNegativeShare",
            "lorenzEmission.p10", "lorenzEmission.p20", "lorenzEmission.p30", "lorenzEmission.p40",
            "lorenzEmission.p50", "lorenzEmission.p60", "lorenzEmission.p70", "lorenzEmission.p80",
            "lorenzEmission.p90",
            "lorenzResource.p10", "lorenzResource.p20", "lorenzResource.p30", "lorenzResource.p40",
            "lorenzResource.p50", "lorenzResource.p60", "lorenzResource.p70", "lorenzResource.p80",
            "lorenzResource.p90",
            "emissionShare", "price", "movingPrice", "poolTao", "poolAlpha", "alphaOutstanding", "chainBuyTao",
            "alphaSoldByMiners", "ownerBurnedTao", "rootDividendTao", "validatorTakeTao");

    /** Fractions of operators (poorest first) at which the Lorenz curves of emission and resource are output. */
    static final double[] LORENZ_FRACTIONS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private static final int HONEST = 0;
    private static final int COPIER = 1;
    private static final int CARTEL = 2;

    final SubnetSpec spec;
    private final YumaConsensus yuma;
    private final RewardCurves curves;
    final int nVal;
    private final int nOps;
    private final int perOp;
    final int nMiners;
    private final int n;
    private final SubnetEmissionSplit split;

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

    // operators on this subnet, in order of arrival, and the owner of each miner slot (index j = uid − V)
    final List<Operator> ops = new ArrayList<>();
    final Operator[] owner;
    private final boolean[] registered;
    /** Each miner slot's emission in the last epoch, rao (pruning picks the lowest). */
    final long[] lastRao;
    private final boolean[] slotCheater;
    private final boolean[] slotCopier;
    private final double overclaim;
    final int index;

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

    // validators
    private final int[] behaviour;
    private final long[] stake;
    private final double cartelBoost;
    private int[] cartelUids;
    private final int remeasure;
    private final int copyLag;

    // chain state
    private final int[][] weights;
    private double[][] bonds;
    private boolean[] permits;
    private long lastStepBlock;
    private final long[] lastUpdate;
    private final long[] registration;
    private final double[][] consensusHistory;
    private final int[] penaltyUntil;

    // scratch
    private final SplittableRandom rng;
    private final double[] noise;
    private final boolean noisy;
    private final double[] sSpeed;
    private final double[] sStorage;
    private final double[] sAccuracy;
    private final double[] score;
    private final double[] w;
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

    // accumulators over the current sample interval
    final long[] valRao;
    /** Miner emission since the last decision, rao. */
    long decisionMinerRao;
    /** Registration burn of this subnet. */
    final BurnPrice burn;
    // counters over the current sample interval (economy)
    int intervalRegistrations;
    int intervalEntered;
    int intervalLeft;
    int intervalPruned;
    /** ROI quantiles of the operators here, written by the economy at each sample. */
    final double[] roi = new double[4];
    long intervalIssued;
    /** TAO emission of this subnet over the interval (= intervalIssued under FIXED/EQUAL), and the network's. */
    long intervalTaoEmission;
    long networkIntervalTao;
    // the alpha market (null / zero under FIXED and EQUAL), driven by Market on the run's thread
    io.incentivelab.simulation.market.AlphaPool pool;
    /** root_prop for this epoch's split: the root share of the validator half. */
    double rootProportion;
    /** Fraction of the miner pot burned on the owner's hotkeys (market rules only). */
    double ownerBurnFraction;
    // payouts of the last network step (summed over this subnet's epochs in it), TAO value in rao
    long epochMinerRao;
    long epochCheatRao;
    long epochValidatorRao;
    long epochRootRao;
    long epochBurnedRao;
    long intervalAlphaSold;
    long intervalChainBuy;
    long intervalBurned;
    long intervalRoot;
    /** TAO value of the validators' take on delegated dividends (market rules only), rao. */
    long intervalTake;
    long intervalOwner;
    long intervalMiner;
    long intervalValidator;

    /**
     * @param noise {@link NormalTable#lognormal} of the validators' σ (read only; shared by the runs of a
     *              {@link Simulator})
     */
    SubnetRun(SubnetSpec spec, int index, long seed, SubnetEmissionSplit split, YumaConsensus yuma,
              EconomicsSpec econ, int firstOperatorId, double[] noise, double taoWeight) {
        this.spec = spec;
        this.index = index;
        this.yuma = yuma;
        MinersSpec ms = spec.miners();
        ValidatorsSpec vs = spec.validators();
        VerificationSpec ver = spec.verification();
        nVal = vs.count();
        nOps = ms.operators();
        perOp = ms.uidsPerOperator();
        nMiners = econ.enabled() ? spec.limits().maxUids() - nVal : nOps * perOp;
        n = nVal + nMiners;
        curves = new RewardCurves(spec.rewardCurve(), nMiners);
        burn = new BurnPrice(econ.registration());
        overclaim = ms.cheaterOverclaim();
        this.split = split;

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

        SplittableRandom setup = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.SETUP));
        rng = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.EPOCHS));

        // operators and their resources
        double[] compute = new double[nOps];
        double[] storage = new double[nOps];
        double[] quality = new double[nOps];
        int strongest = wSpeed >= wStorage && wSpeed >= wAccuracy ? 0 : wStorage >= wAccuracy ? 1 : 2;
        NormalDistribution normal = new NormalDistribution(null, 0, 1, 1e-12);
        BetaSpec bq = ms.quality();
        BetaDistribution beta = new BetaDistribution(null, bq.alpha(), bq.beta(), 1e-12);
        LogNormalSpec lc = ms.compute();
        LogNormalSpec ls = ms.storage();
        double[] u = new double[3];
        for (int o = 0; o < nOps; o++) {
            for (int r = 0; r < 3; r++) {
                u[r] = openUniform(setup);
            }
            if (ms.placement() == Placement.STRONGEST_RESOURCE) {
                int arg = u[0] >= u[1] && u[0] >= u[2] ? 0 : u[1] >= u[2] ? 1 : 2;
                double t = u[strongest];
                u[strongest] = u[arg];
                u[arg] = t;
            }
            compute[o] = lc.median() * StrictMath.exp(lc.sigma() * normal.inverseCumulativeProbability(u[0]));
            storage[o] = ls.median() * StrictMath.exp(ls.sigma() * normal.inverseCumulativeProbability(u[1]));
            quality[o] = Math.min(1 - 1e-9, Math.max(1e-9, beta.inverseCumulativeProbability(u[2])));
        }
        boolean[] cheater = new boolean[nOps];
        boolean[] copier = new boolean[nOps];
        int[] perm = permutation(nOps, setup);
        int nCheat = (int) Math.round(ms.cheaterFraction() * nOps);
        int nCopy = Math.min(nOps - nCheat, (int) Math.round(ms.copierFraction() * nOps));
        for (int i = 0; i < nCheat; i++) {
            cheater[perm[i]] = true;
        }
        for (int i = nCheat; i < nCheat + nCopy; i++) {
            copier[perm[i]] = true;
        }
        boolean[] cartelOp = new boolean[nOps];
        int nCartelVal = (int) Math.round(vs.cartelFraction() * nVal);
        int nCopyVal = Math.min(nVal, (int) Math.round(vs.weightCopierFraction() * nVal));
        nCartelVal = Math.min(nVal - nCopyVal, nCartelVal);
        int[] cartelPerm = permutation(nOps, setup);
        int nCartelOps = nCartelVal > 0 ? Math.min(nOps, vs.cartelOperators()) : 0;
        for (int i = 0; i < nCartelOps; i++) {
            cartelOp[cartelPerm[i]] = true;
        }

        // the operators, their strategies (economics on) and their UIDs
        SplittableRandom strategyRng = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.STRATEGY));
        owner = new Operator[nMiners];
        registered = new boolean[nMiners];
        lastRao = new long[nMiners];
        slotCheater = new boolean[nMiners];
        slotCopier = new boolean[nMiners];
        for (int o = 0; o < nOps; o++) {
            Strategy st = econ.enabled() ? drawStrategy(econ.strategies(), strategyRng) : Strategy.SPECIALIST;
            Operator op = new Operator(firstOperatorId + o, st, compute[o], storage[o], quality[o], 0);
            op.cheater = cheater[o] || st == Strategy.CHEATER;
            op.copier = copier[o] || st == Strategy.CHEATER;
            op.cartel = cartelOp[o];
            drawHardware(op, ms, seed);
            op.subnet = index;
            op.home = index;
            for (int k = 0; k < perOp; k++) {
                int j = o * perOp + k;
                owner[j] = op;
                registered[j] = true;
                op.addSlot(j);
            }
            ops.add(op);
        }
        evalSamples = ver.evalSamples();
        auditRate = ver.auditRate();
        penaltyEpochs = ver.penaltyEpochs();
        copyDetection = ver.copyDetection();
        duplicateDetection = ver.duplicateDetection();
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

        // validators: stake and behaviour
        stake = new long[n];
        double[] raw = new double[nVal];
        if (vs.stake().distribution() == StakeDistribution.EXPLICIT) {
            for (int v = 0; v < nVal; v++) {
                raw[v] = vs.stake().explicitTao().get(v);
            }
            for (int v = 0; v < nVal; v++) {
                stake[v] = Math.round(raw[v] * BlockEmission.RAO_PER_TAO);
            }
        } else {
            double shape = vs.stake().paretoShape();
            double sum = 0;
            for (int v = 0; v < nVal; v++) {
                raw[v] = StrictMath.pow(openUniform(setup), -1 / shape);
                sum += raw[v];
            }
            double total = vs.stake().totalTao() * BlockEmission.RAO_PER_TAO;
            for (int v = 0; v < nVal; v++) {
                stake[v] = Math.max(1, Math.round(raw[v] / sum * total));
            }
        }
        // root stake counts taoWeight× beside the subnet stake (stake weight = alpha + w·τ_root); drawn only when
        // there is some, so scenarios without root stake keep their random streams
        double[] root = rootStakes(vs.stake(), nVal, setup);
        for (int v = 0; v < nVal; v++) {
            stake[v] += Math.round(taoWeight * root[v] * BlockEmission.RAO_PER_TAO);
        }
        behaviour = new int[nVal];
        int[] vperm = permutation(nVal, setup);
        for (int i = 0; i < nCopyVal; i++) {
            behaviour[vperm[i]] = COPIER;
        }
        anyCopier = nCopyVal > 0;
        for (int i = nCopyVal; i < nCopyVal + nCartelVal; i++) {
            behaviour[vperm[i]] = CARTEL;
        }
        cartelBoost = vs.cartelBoost();
        remeasure = vs.remeasureEveryEpochs();
        copyLag = spec.commitReveal() ? 1 + spec.revealPeriodEpochs() : 1;
        this.noise = noise;
        noisy = vs.noiseSigma() > 0;

        // chain state: validators hold permits as if the subnet had run before (top-k stake, higher uid wins ties)
        weights = new int[n][];
        for (int v = 0; v < nVal; v++) {
            weights[v] = new int[n];
            Arrays.fill(weights[v], 0, nVal, YumaInputs.ABSENT);
        }
        bonds = new double[n][];
        permits = new boolean[n];
        Integer[] order = new Integer[nVal];
        for (int v = 0; v < nVal; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (a, b) -> stake[a] != stake[b] ? Long.compare(stake[b], stake[a]) : Integer.compare(b, a));
        for (int r = 0; r < Math.min(nVal, spec.limits().validatorPermits()); r++) {
            permits[order[r]] = true;
        }
        lastUpdate = new long[n];
        registration = new long[n];
        consensusHistory = new double[copyLag + 1][];
        revealPeriod = spec.commitReveal() ? spec.revealPeriodEpochs() : 0;
        committed = new int[revealPeriod][][];
        commitBlocks = new long[revealPeriod];
        commitChanged = new boolean[revealPeriod];
        visible = revealPeriod > 0 ? new int[n][] : null;
        earliestCommit = revealPeriod > 0 ? new long[n] : null;
        if (earliestCommit != null) {
            Arrays.fill(earliestCommit, YumaInputs.NO_COMMIT);
        }
        for (int k = 0; k < revealPeriod; k++) {
            committed[k] = new int[nVal][n];
        }
        InitialWeightsSpec iw = spec.initialWeights();
        if (iw.isEmpty()) {
            initialRows = null;
        } else {
            initialRows = new int[n][];
            for (int v = 0; v < nVal; v++) {
                initialRows[v] = new int[n];
                Arrays.fill(initialRows[v], 0, nVal, YumaInputs.ABSENT);
            }
            for (int k = 0; k < iw.size(); k++) {
                initialRows[iw.validator().get(k)][iw.uid().get(k)] = iw.weight().get(k);
            }
        }
        penaltyUntil = new int[nVal * nMiners];

        sSpeed = new double[nMiners];
        sStorage = new double[nMiners];
        sAccuracy = new double[nMiners];
        score = new double[nMiners];
        w = new double[nMiners];
        ones = new double[nMiners];
        Arrays.fill(ones, 1.0);
        epsSpeed = new double[nMiners];
        epsStorage = new double[nMiners];
        epsAccuracy = new double[nMiners];
        valRao = new long[nVal];
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
        rebuild();
    }

    /**
     * Draws an operator's GPU class (by gpuClassShares; class 0 if empty) and latency (lognormal) from its own
     * stream, derived from the run seed and the operator id: no other random stream moves.
     */
    static void drawHardware(Operator op, MinersSpec ms, long seed) {
        SplittableRandom r = new SplittableRandom(StreamSeeds.derive(seed, op.id, StreamSeeds.HARDWARE));
        List<Double> shares = ms.gpuClassShares();
        double total = 0;
        for (double x : shares) {
            total += x;
        }
        double u = r.nextDouble() * total;
        int cls = 0;
        for (int c = 0; c < shares.size(); c++) {
            if (shares.get(c) > 0) {
                cls = c;
                if (u < shares.get(c)) {
                    break;
                }
            }
            u -= shares.get(c);
        }
        op.gpuClass = cls;
        LogNormalSpec l = ms.latency();
        double z = new NormalDistribution(null, 0, 1, 1e-12).inverseCumulativeProbability(openUniform(r));
        op.latency = l.median() * StrictMath.exp(l.sigma() * z);
    }

    /** Draws a strategy from the mix (shares normalised by their sum). */
    static Strategy drawStrategy(StrategyMix mix, SplittableRandom r) {
        double u = r.nextDouble() * mix.total();
        if (u < mix.specialist()) {
            return Strategy.SPECIALIST;
        }
        u -= mix.specialist();
        if (u < mix.adaptive()) {
            return Strategy.ADAPTIVE;
        }
        u -= mix.adaptive();
        if (u < mix.sybil() || mix.cheater() == 0) {
            return mix.sybil() > 0 ? Strategy.SYBIL : Strategy.SPECIALIST;
        }
        return Strategy.CHEATER;
    }

    /**
     * Recomputes every slot's measured quantities from its owner: compute and storage split equally over the
     * owner's UIDs here, the storage claim (× overclaim for cheaters), the quality answered (a copier answers
     * with the best non-copier's quality), and the cartel's UIDs.
     */
    void rebuild() {
        Operator leader = null;
        for (Operator op : ops) {
            if (!op.copier && (leader == null || op.quality > leader.quality)) {
                leader = op;
            }
        }
        int cartelCount = 0;
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
            if (op.cartel) {
                cartelCount++;
            }
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
        cartelUids = new int[cartelCount];
        for (int j = 0, c = 0; j < nMiners; j++) {
            if (owner[j] != null && owner[j].cartel) {
                cartelUids[c++] = j;
            }
        }
    }

    /**
     * Registers a UID for {@code op} at {@code block}: a never-registered slot if there is one, else the
     * pruned one (the non-immune slot with the lowest emission in the last epoch, ties to the earlier
     * registration then the lower uid; if all are immune, the same rule over all). The UID's chain state is
     * reset: block at registration, last update, the bonds every validator holds on it, the weights set on
     * it, the penalties. The operator it is taken from (if any) loses it.
     *
     * @return the operator whose UID was pruned (null if none)
     */
    Operator register(Operator op, long block, int immunityBlocks) {
        int j = -1;
        for (int x = 0; x < nMiners; x++) {
            if (!registered[x]) {
                j = x;
                break;
            }
        }
        Operator prunedOp = null;
        if (j < 0) {
            j = pruneCandidate(block, immunityBlocks, true);
            if (j < 0) {
                j = pruneCandidate(block, immunityBlocks, false);
            }
            intervalPruned++;
            prunedOp = owner[j];
            if (prunedOp != null) {
                dropSlot(prunedOp, j);
            }
        }
        int uid = nVal + j;
        weightsMoved = true;
        registered[j] = true;
        owner[j] = op;
        registration[uid] = block;
        lastUpdate[uid] = block;
        lastRao[j] = 0;
        for (ScoringProgram.EmaState st : emaStates) {
            st.reset(j);
        }
        for (int v = 0; v < nVal; v++) {
            if (weights[v] != null) {
                weights[v][uid] = 0;
            }
            penaltyUntil[v * nMiners + j] = 0;
        }
        for (double[] row : bonds) {
            if (row != null) {
                row[uid] = 0;
            }
        }
        if (op.subnet != index) {
            op.subnet = index;
            op.slots = new int[0];
            ops.add(op);
        }
        op.addSlot(j);
        intervalRegistrations++;
        return prunedOp;
    }

    private int pruneCandidate(long block, int immunityBlocks, boolean nonImmuneOnly) {
        int best = -1;
        for (int j = 0; j < nMiners; j++) {
            long reg = registration[nVal + j];
            if (nonImmuneOnly && block - reg < immunityBlocks) {
                continue;
            }
            if (best < 0 || lastRao[j] < lastRao[best]
                    || (lastRao[j] == lastRao[best] && reg < registration[nVal + best])) {
                best = j;
            }
        }
        return best;
    }

    /** Gives up miner slot j (its owner moved, shrank or exited): the UID stays registered and scores 0. */
    void abandon(int j) {
        weightsMoved = true;
        Operator op = owner[j];
        owner[j] = null;
        for (ScoringProgram.EmaState st : emaStates) {
            st.reset(j);
        }
        for (int v = 0; v < nVal; v++) {
            if (weights[v] != null) {
                weights[v][nVal + j] = 0;
            }
        }
        if (op != null) {
            dropSlot(op, j);
        }
    }

    private void dropSlot(Operator op, int j) {
        op.removeSlot(j);
        if (op.slots.length == 0) {
            ops.remove(op);
            op.subnet = -1;
            op.sampleRao = 0;
        }
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

    double overclaim() {
        return overclaim;
    }

    RewardCurves newCurves(int m) {
        return new RewardCurves(spec.rewardCurve(), m);
    }

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

    /** Sum of a resource over the operators on this subnet (0 compute, 1 storage, 2 quality). */
    double held(int resource) {
        double sum = 0;
        for (Operator op : ops) {
            sum += resource == 0 ? op.compute : resource == 1 ? op.storage : op.quality;
        }
        return sum;
    }

    /**
     * Checks the slot bookkeeping: every occupied slot's owner lists it, every operator here holds only
     * slots it owns (none twice), and at most maxUids UIDs are registered. Throws IllegalStateException.
     */
    void checkConsistency() {
        for (int j = 0; j < nMiners; j++) {
            Operator op = owner[j];
            if (op != null && (op.subnet != index || !contains(op.slots, j) || !registered[j])) {
                throw new IllegalStateException("subnet " + spec.name() + ": slot " + j + " owner does not list it");
            }
        }
        int held = 0;
        for (Operator op : ops) {
            if (op.subnet != index || op.slots.length == 0 || !op.active) {
                throw new IllegalStateException("subnet " + spec.name() + ": operator " + op.id + " listed but not here");
            }
            for (int x = 0; x < op.slots.length; x++) {
                if (owner[op.slots[x]] != op || contains(Arrays.copyOf(op.slots, x), op.slots[x])) {
                    throw new IllegalStateException("subnet " + spec.name() + ": operator " + op.id + " slot mismatch");
                }
            }
            held += op.slots.length;
        }
        if (held != occupiedSlots() || n > spec.limits().maxUids()) {
            throw new IllegalStateException("subnet " + spec.name() + ": UID count mismatch");
        }
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    int occupiedSlots() {
        int c = 0;
        for (Operator o : owner) {
            if (o != null) {
                c++;
            }
        }
        return c;
    }


    int uids() {
        return n;
    }

    /** The consensus of the last epoch stepped (null before the first). */
    double[] consensus() {
        return lastConsensus;
    }

    /** Blocks per epoch of this subnet (its own tempo or the network's). */
    int tempo() {
        return (int) yuma.params().tempo();
    }

    /**
     * This subnet's epochs in the current network step, set before the step ({@link #dueEpoch}): the block of
     * each and what it pays (rao, or under a market rule the alpha's TAO value).
     */
    private long[] dueBlock = new long[1];
    private long[] dueRao = new long[1];
    private int dueCount;
    /** FIXED/EQUAL: rao accrued since this subnet's last epoch, paid at its next. */
    private long carryRao;
    /** This subnet's epochs run so far (its own epoch index: re-measurement, penalties and reveals count these). */
    int epochsRun;

    /** Clears the list of epochs due in the next network step. */
    void clearDue() {
        dueCount = 0;
    }

    /** Schedules one of this subnet's epochs in the current network step. */
    void dueEpoch(long block, long rao) {
        if (dueCount == dueBlock.length) {
            dueBlock = Arrays.copyOf(dueBlock, 2 * dueCount);
            dueRao = Arrays.copyOf(dueRao, 2 * dueCount);
        }
        dueBlock[dueCount] = block;
        dueRao[dueCount] = rao;
        dueCount++;
    }

    /**
     * FIXED/EQUAL: schedules this subnet's epochs among the network step's blocks {@code firstBlock ..
     * firstBlock + tempo − 1}, whose cumulative emission is {@code cumulative[1..tempo]}: the subnet accrues
     * {@code floor(C·share)} of it, and each of its epochs pays what accrued since its last one.
     *
     * @return the rao the subnet accrued over the step
     */
    long planFixed(long firstBlock, long[] cumulative, double share) {
        clearDue();
        int steps = cumulative.length - 1;
        long lastBlock = firstBlock + steps - 1;
        int t = tempo();
        long paidUpTo = 0;
        for (long b = Math.floorDiv(firstBlock + t - 1, t) * t; b <= lastBlock; b += t) {
            long accrued = (long) Math.floor(cumulative[(int) (b - firstBlock + 1)] * share);
            dueEpoch(b, carryRao + accrued - paidUpTo);
            carryRao = 0;
            paidUpTo = accrued;
        }
        long total = (long) Math.floor(cumulative[steps] * share);
        carryRao += total - paidUpTo;
        return total;
    }

    /** FIXED/EQUAL: the rao accrued but not yet paid, because the subnet's next epoch is still to come. */
    long pendingRao() {
        return carryRao;
    }

    /**
     * Runs the epochs due in this network step ({@link #dueEpoch}), in order, with this subnet's own epoch index.
     * The {@code epoch…Rao} fields then hold the sums over them (0 when none was due).
     *
     * @return the rao left unpaid by flooring
     */
    long stepDue(YumaWorkspace ws) {
        epochMinerRao = 0;
        epochCheatRao = 0;
        epochValidatorRao = 0;
        epochBurnedRao = 0;
        epochRootRao = 0;
        long unpaid = 0;
        for (int k = 0; k < dueCount; k++) {
            unpaid += step(epochsRun++, dueBlock[k], dueRao[k], ws);
        }
        return unpaid;
    }

    /**
     * Runs epoch {@code e} at {@code block}, paying {@code subnetRao}; adds what it paid to the
     * {@code epoch…Rao} fields.
     *
     * @return the rao left unpaid by flooring
     */
    long step(int e, long block, long subnetRao, YumaWorkspace ws) {
        if (e % remeasure == 0) {
            measureAll(e);
        }
        double[] seen = e >= copyLag ? consensusHistory[(e - copyLag) % consensusHistory.length] : null;
        for (int v = 0; v < nVal; v++) {
            if (behaviour[v] == COPIER) {
                if (seen == null) {
                    Arrays.fill(weights[v], nVal, n, 0);
                } else {
                    System.arraycopy(seen, nVal, w, 0, nMiners);
                    RewardCurves.quantise(w, nMiners, weights[v], nVal);
                }
            }
        }
        SubnetEmissionSplit.Parts parts = split.split(subnetRao, rootProportion);
        long ownerRao = parts.owner();
        long minerPool = parts.miners();
        long rootRao = parts.root();
        long validatorPool = parts.validators() + parts.root();
        long pool = minerPool + validatorPool;
        Arrays.fill(lastUpdate, block);
        // the initial weights stand for epoch 0 (or until the first reveal); the epoch after reads new weights
        boolean changed = e % remeasure == 0 || weightsMoved || (initialRows != null && e == 1);
        int[][] shown = revealPeriod > 0 ? reveal(e, block) : initialRows != null && e == 0 ? initialRows : weights;
        YumaInputs in = new YumaInputs(block, lastStepBlock, pool, stake, shown, lastUpdate, registration,
                permits, bonds, earliestCommit,
                yuma.params().liquidAlphaReadsPreviousConsensus() ? lastConsensusStored : null);
        // between re-measurements nothing that enters the consensus changes: reuse last epoch's (with
        // commit-reveal: when the revealed commit equals the one before and nobody registered since)
        boolean visibleChanged = revealPeriod > 0 ? commitChanged[e % revealPeriod] || weightsMoved : changed;
        boolean reuse = !visibleChanged && !anyCopier && lastConsensus != null
                && Arrays.equals(permits, lastPermitsBefore);
        lastPermitsBefore = permits;
        YumaResult r = yuma.epoch(in, ws, carry, reuse);
        lastConsensus = r.consensus();
        if (yuma.params().liquidAlphaReadsPreviousConsensus()) { // as the chain stores it: u16
            int[] cu = r.consensusU16();
            lastConsensusStored = new double[cu.length];
            for (int j = 0; j < cu.length; j++) {
                lastConsensusStored[j] = cu[j] / 65535.0;
            }
        }
        weightsMoved = false;
        if (revealPeriod > 0) {
            commit(e, block, changed);
        }
        consensusHistory[e % consensusHistory.length] = r.consensus();
        permits = r.newValidatorPermits();
        ws.recycle(bonds); // replaced: the next epoch of a subnet this size writes its bonds into these rows
        bonds = r.bonds();
        lastStepBlock = block;

        double[] inc = r.incentive();
        double sumI = 0;
        for (int j = 0; j < nMiners; j++) {
            sumI += inc[nVal + j];
        }
        long paidMiners = 0;
        long cheatMiners = 0;
        long burned = 0;
        if (sumI > 0) {
            burned = (long) Math.floor(minerPool * ownerBurnFraction);
            minerPool -= burned;
            for (int j = 0; j < nMiners; j++) {
                long amount = (long) Math.floor(inc[nVal + j] / sumI * minerPool);
                Operator op = owner[j];
                if (op != null) {
                    op.sampleRao += amount;
                    op.earnedRao += amount;
                    cheatMiners += op.cheater || op.copier ? amount : 0;
                }
                lastRao[j] = amount;
                paidMiners += amount;
            }
        } else {
            Arrays.fill(lastRao, 0);
            validatorPool += minerPool;
        }
        decisionMinerRao += paidMiners;
        double[] d = pickDividendWeights(r);
        double sumD = 0;
        for (int v = 0; v < nVal; v++) {
            sumD += d[v];
        }
        long paidValidators = 0;
        if (sumD > 0) {
            for (int v = 0; v < nVal; v++) {
                long amount = (long) Math.floor(d[v] / sumD * validatorPool);
                valRao[v] += amount;
                paidValidators += amount;
            }
        }
        intervalIssued += subnetRao;
        intervalOwner += ownerRao;
        intervalMiner += paidMiners;
        intervalValidator += paidValidators;
        epochMinerRao += paidMiners;
        epochCheatRao += cheatMiners;
        epochValidatorRao += paidValidators;
        epochBurnedRao += burned;
        epochRootRao += Math.min(rootRao, paidValidators);
        intervalBurned += burned;
        intervalRoot += Math.min(rootRao, paidValidators);
        long unpaid = subnetRao - ownerRao - paidMiners - paidValidators - burned;
        if (unpaid < 0) {
            throw new IllegalStateException("subnet " + spec.name() + " paid more than it was issued at epoch " + e);
        }
        totalOwner += ownerRao;
        totalMiners += paidMiners;
        totalValidators += paidValidators;
        totalBurned += burned;
        return unpaid;
    }

    /**
     * The weights Yuma sees at epoch e under commit-reveal: each measuring validator's commit of epoch
     * e − revealPeriod (before the run's first reveal, the commit of epoch 0, as if the subnet had run before),
     * a weight copier's own row (it already lags by 1 + revealPeriod); {@link #earliestCommit} gets the block of
     * that commit, so the chain's mask drops weight on UIDs registered after it.
     */
    private int[][] reveal(int e, long block) {
        int slot = e % revealPeriod;
        if (e == 0) {
            for (int k = 0; k < revealPeriod; k++) {
                commit(k, block, false);
                if (initialRows != null) { // committed before the run began
                    for (int v = 0; v < nVal; v++) {
                        System.arraycopy(initialRows[v], 0, committed[k][v], 0, n);
                    }
                    commitBlocks[k] = 0;
                }
            }
        }
        boolean beforeRun = initialRows != null && e < revealPeriod;
        for (int v = 0; v < nVal; v++) {
            visible[v] = behaviour[v] == COPIER && !beforeRun ? weights[v] : committed[slot][v];
            earliestCommit[v] = commitBlocks[slot];
        }
        return visible;
    }

    /** Stores the validators' weights of epoch e as committed one block before the epoch's last. */
    private void commit(int e, long block, boolean changed) {
        int slot = e % revealPeriod;
        for (int v = 0; v < nVal; v++) {
            System.arraycopy(weights[v], 0, committed[slot][v], 0, n);
        }
        commitBlocks[slot] = block - 1;
        commitChanged[slot] = changed;
    }

    /** The validators' weights at the start (InitialWeightsSpec), read by epoch 0 or until the first reveal; or null. */
    private final int[][] initialRows;
    /** Commit-reveal: the reveal period in epochs (0 = off), the last revealPeriod commits and their blocks. */
    private final int revealPeriod;
    private final int[][][] committed;
    private final long[] commitBlocks;
    private final boolean[] commitChanged;
    private final int[][] visible;
    private final long[] earliestCommit;

    /** The last epoch's consensus and the permits it read; weightsMoved = a weight or registration changed since. */
    private double[] lastConsensus;
    /** What an epoch keeps for the next one of this subnet (the parts of Yuma that only the weights change). */
    private final YumaCarry carry = new YumaCarry();
    /** The previous epoch's consensus as stored (u16 / 65535), kept for liquid alpha's Auto mode only. */
    private double[] lastConsensusStored;
    private boolean[] lastPermitsBefore;
    private boolean weightsMoved = true;
    private boolean anyCopier;

    long totalOwner;
    long totalMiners;
    long totalValidators;
    long totalBurned;

    private double[] pickDividendWeights(YumaResult r) {
        for (double[] candidate : new double[][]{r.dividends(), r.activeStake(), r.stakeNormalized()}) {
            double s = 0;
            for (int v = 0; v < nVal; v++) {
                s += candidate[v];
            }
            if (s > 0) {
                return candidate;
            }
        }
        return r.dividends();
    }

    private void measureAll(int e) {
        for (int v = 0; v < nVal; v++) {
            if (behaviour[v] == COPIER) {
                continue;
            }
            double max = measure(v, e);
            boolean cartel = behaviour[v] == CARTEL && cartelBoost > 0 && cartelUids.length > 0;
            if (!cartel && curves.proportional()) {
                // PROPORTIONAL's u16 weights are the quantised scores themselves
                RewardCurves.quantise(score, nMiners, max, weights[v], nVal);
                continue;
            }
            if (!cartel && curves.winnerTakeAll()) {
                // quantised, WINNER_TAKE_ALL's weights (1 at the first largest positive score) are 65535 there
                int[] row = weights[v];
                Arrays.fill(row, nVal, n, 0);
                double best = 0;
                int at = -1;
                for (int j = 0; j < nMiners; j++) {
                    if (score[j] > best) {
                        best = score[j];
                        at = j;
                    }
                }
                if (at >= 0) {
                    row[nVal + at] = 65535;
                }
                continue;
            }
            if (!cartel && curves.strictPerScore()) {
                // the weights feed only their u16 rounding here: settled without StrictMath for most scores
                curves.quantiseWeights(score, nMiners, w, weights[v], nVal);
                continue;
            }
            curves.weights(score, nMiners, w);
            if (cartel) {
                double sum = 0;
                for (int j = 0; j < nMiners; j++) {
                    sum += w[j];
                }
                double keep = sum > 0 ? (1 - cartelBoost) / sum : 0;
                for (int j = 0; j < nMiners; j++) {
                    w[j] *= keep;
                }
                double add = (sum > 0 ? cartelBoost : 1) / cartelUids.length;
                for (int c : cartelUids) {
                    w[c] += add;
                }
            }
            RewardCurves.quantise(w, nMiners, weights[v], nVal);
        }
    }

    /**
     * Validator v's scores of every miner UID into {@link #score}; returns the largest (0 if none is positive).
     * The noise factors of every UID and measured component are drawn first ({@link #drawNoise}), then the
     * audits, copy checks and binomials in UID order.
     */
    private double measure(int v, int e) {
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

    /** Writes this subnet's outputs for the interval just ended into {@code out[offset …]}, then resets. */
    void sample(double[] out, int offset, int intervalEpochs, double epochsPerDay) {
        double perDay = epochsPerDay / intervalEpochs / BlockEmission.RAO_PER_TAO;
        double intervalsPerDay = epochsPerDay / intervalEpochs;
        int nOpsNow = ops.size();
        double[] opTao = new double[nOpsNow];
        double[] compute = new double[nOpsNow];
        double[] storage = new double[nOpsNow];
        double[] quality = new double[nOpsNow];
        double minerTotal = 0;
        double cheat = 0;
        double copy = 0;
        double cartel = 0;
        double sybil = 0;
        for (int o = 0; o < nOpsNow; o++) {
            Operator op = ops.get(o);
            opTao[o] = op.sampleRao / (double) BlockEmission.RAO_PER_TAO;
            compute[o] = op.compute;
            storage[o] = op.storage;
            quality[o] = op.quality;
            minerTotal += opTao[o];
            cheat += op.cheater ? opTao[o] : 0;
            copy += op.copier ? opTao[o] : 0;
            cartel += op.cartel ? opTao[o] : 0;
            sybil += op.strategy == Strategy.SYBIL ? opTao[o] : 0;
        }
        double[] rewardedResource = new double[nOpsNow];
        double mc = mean(compute);
        double mst = mean(storage);
        double mq = mean(quality);
        for (int o = 0; o < nOpsNow; o++) {
            rewardedResource[o] = (wSpeed > 0 ? wSpeed * compute[o] / mc : 0) + (wStorage > 0 ? wStorage * storage[o] / mst : 0)
                    + (wAccuracy > 0 ? wAccuracy * quality[o] / mq : 0);
        }
        double[] valTao = new double[nVal];
        double valTotal = 0;
        double copierDiv = 0;
        double cartelDiv = 0;
        for (int v = 0; v < nVal; v++) {
            valTao[v] = valRao[v] / (double) BlockEmission.RAO_PER_TAO;
            valTotal += valTao[v];
            copierDiv += behaviour[v] == COPIER ? valTao[v] : 0;
            cartelDiv += behaviour[v] == CARTEL ? valTao[v] : 0;
        }
        Concentration.Stats c = Concentration.of(opTao);
        int i = offset;
        out[i++] = intervalIssued * perDay;
        out[i++] = intervalMiner * perDay;
        out[i++] = intervalValidator * perDay;
        out[i++] = intervalOwner * perDay;
        out[i++] = c.gini();
        out[i++] = c.hhi();
        out[i++] = c.effectiveNumber();
        out[i++] = c.nakamoto();
        out[i++] = c.top1();
        out[i++] = c.top10();
        out[i++] = Concentration.gini(rewardedResource);
        out[i++] = Concentration.gini(valTao);
        out[i++] = share(cheat, minerTotal);
        out[i++] = share(copy, minerTotal);
        out[i++] = share(cartel, minerTotal);
        out[i++] = share(copierDiv, valTotal);
        out[i++] = share(cartelDiv, valTotal);
        out[i++] = sum(compute);
        out[i++] = sum(storage);
        out[i++] = mean(quality);
        out[i++] = affinity(compute, opTao, minerTotal);
        out[i++] = affinity(storage, opTao, minerTotal);
        out[i++] = affinity(quality, opTao, minerTotal);
        out[i++] = nOpsNow;
        out[i++] = nVal + occupiedSlots();
        out[i++] = share(sybil, minerTotal);
        out[i++] = burn.priceTao(lastStepBlock);
        out[i++] = intervalRegistrations * intervalsPerDay;
        out[i++] = intervalEntered * intervalsPerDay;
        out[i++] = intervalLeft * intervalsPerDay;
        out[i++] = intervalPruned * intervalsPerDay;
        for (double q : roi) {
            out[i++] = q;
        }
        for (double v : Concentration.lorenz(opTao, LORENZ_FRACTIONS)) {
            out[i++] = v;
        }
        for (double v : Concentration.lorenz(rewardedResource, LORENZ_FRACTIONS)) {
            out[i++] = v;
        }
        out[i++] = networkIntervalTao > 0 ? intervalTaoEmission / (double) networkIntervalTao : 0;
        if (pool != null) {
            out[i++] = pool.price();
            out[i++] = pool.movingPrice();
            out[i++] = pool.taoReserve() / (double) BlockEmission.RAO_PER_TAO;
            out[i++] = pool.alphaReserve() / (double) BlockEmission.RAO_PER_TAO;
            out[i++] = pool.alphaOutstanding() / (double) BlockEmission.RAO_PER_TAO;
        } else {
            for (int k = 0; k < 5; k++) {
                out[i++] = 0;
            }
        }
        out[i++] = intervalChainBuy * perDay;
        out[i++] = intervalAlphaSold * perDay;
        out[i++] = intervalBurned * perDay;
        out[i++] = intervalRoot * perDay;
        out[i++] = intervalTake * perDay;
        for (Operator op : ops) {
            op.sampleRao = 0;
        }
        Arrays.fill(valRao, 0);
        intervalTaoEmission = 0;
        intervalAlphaSold = 0;
        intervalChainBuy = 0;
        intervalBurned = 0;
        intervalRoot = 0;
        intervalTake = 0;
        intervalIssued = 0;
        intervalOwner = 0;
        intervalMiner = 0;
        intervalValidator = 0;
        intervalRegistrations = 0;
        intervalEntered = 0;
        intervalLeft = 0;
        intervalPruned = 0;
    }

    /** Emission-weighted mean of a resource over its plain mean (1 = emission ignores it; 0 if nothing paid). */
    private static double affinity(double[] resource, double[] emission, double total) {
        if (!(total > 0)) {
            return 0;
        }
        double weighted = 0;
        for (int o = 0; o < resource.length; o++) {
            weighted += emission[o] * resource[o];
        }
        return weighted / total / mean(resource);
    }

    private static double share(double part, double total) {
        return total > 0 ? part / total : 0;
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double mean(double[] x) {
        return x.length == 0 ? 0 : sum(x) / x.length;
    }


    /** Validator v's stake weight in Yuma, rao: its subnet stake plus taoWeight × its root stake. */
    long stakeWeight(int v) {
        return stake[v];
    }

    /**
     * Each validator's root stake, TAO: EXPLICIT's list (none if empty), or PARETO's rootTao split by fresh Pareto
     * draws of the subnet stake's shape (independent of the subnet stake); zeros without drawing when there is none.
     */
    static double[] rootStakes(StakeSpec st, int nVal, SplittableRandom setup) {
        double[] root = new double[nVal];
        if (st.distribution() == StakeDistribution.EXPLICIT) {
            for (int v = 0; v < nVal && v < st.explicitRootTao().size(); v++) {
                root[v] = st.explicitRootTao().get(v);
            }
        } else if (st.rootTao() > 0) {
            double sum = 0;
            for (int v = 0; v < nVal; v++) {
                root[v] = StrictMath.pow(openUniform(setup), -1 / st.paretoShape());
                sum += root[v];
            }
            for (int v = 0; v < nVal; v++) {
                root[v] = root[v] / sum * st.rootTao();
            }
        }
        return root;
    }
    private static double openUniform(SplittableRandom r) {
        return ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static int[] permutation(int size, SplittableRandom r) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }
}
