package io.incentivelab.simulation.yuma;

import java.util.Arrays;

/**
 * One epoch of Yuma Consensus, following subtensor's sparse {@code epoch_mechanism}
 * (run_epoch.rs l.566–1075) as {@code shared/reference/yuma.md} §4–§5 describes it, in double precision
 * (within 1e-6 on fractions, ±1 u16, ±10 rao of the chain's I32F32 arithmetic, yuma.md §11).
 *
 * <pre>
 * active_i = !(last_update_i + cutoff &lt; block)                                   §5.1
 * S        = trunc32(normalize(stake, stake &lt; threshold → 0))                      §5.2
 * permit'  = top-k of S (stable: higher uid wins ties), S &gt; 0, owner always       §5.3
 * S_act    = normalize(S · active · permit_old)                                       §5.4
 * W        = rownorm(W_u16 without rows of !permit_old, diagonal (not owner), last_update_i ≤ reg_j)  §5.5
 * C_j      = max{x : Σ_{i: W_ij ≥ x} s_i ≥ κ}, s = S_act renormalized over S_act &gt; 0  §5.6
 * VT_i     = Σ_j min(W_ij, C_j);  R_j = Σ_i S_act_i·min(W_ij, C_j);  I = R/ΣR        §5.7–5.8
 * Wb       = W + β(Wc − W)                                                             §5.9
 * original Yuma: EMA = colnorm(α·colnorm(Wb∘S_act) + (1−α)·colnorm(B_u16)); D = norm(EMA·I);
 *                stored colmaxupscale(EMA)                                            §5.10a
 * Yuma 3:        EMA = (1−α_ij)B + α_ij Wb (B = u16/65535); D = norm((colnorm(EMA)·I)∘S_act);
 *                stored EMA                                                           §5.10b
 * server_j = I_j/(ΣI+ΣD); validator_i = D_i/(ΣI+ΣD) (S_act or S when the sum is 0); rao = floor(f·E)  §5.11
 * </pre>
 *
 * <p>The κ-quantile uses a linear weighted selection per column ({@link WeightedQuantile}), not a sort.
 * Instances are immutable and thread-safe; pass each thread its own {@link YumaWorkspace}. The
 * commit-reveal column mask (§5.5 step 4) is not implemented.
 */
public final class YumaConsensus {

    private static final double TWO32 = 4294967296.0;
    private static final double INV_U16 = 1.0 / 65535.0;

    private final YumaParams params;
    private final double kappa;
    private final double beta;
    private final int betaMode;
    private final double emaAlpha;
    private final double alphaLow;
    private final double alphaHigh;
    private final double steepness;

    public YumaConsensus(YumaParams params) {
        this.params = params;
        this.kappa = params.kappa();
        this.beta = params.bondsPenalty();
        this.betaMode = params.bondsPenaltyU16() == 0 ? 0 : params.bondsPenaltyU16() == 65535 ? 1 : 2;
        this.emaAlpha = params.bondEmaAlpha();
        this.alphaLow = params.alphaLowU16() * INV_U16;
        this.alphaHigh = params.alphaHighU16() * INV_U16;
        this.steepness = params.alphaSigmoidSteepness() / -100.0;
    }

    public YumaParams params() {
        return params;
    }

    /** Runs one epoch without the {@code bondsFixed} detail. */
    public YumaResult epoch(YumaInputs in, YumaWorkspace ws) {
        return epoch(in, ws, false);
    }

    /**
     * Runs one epoch.
     *
     * @param in             the chain state before the epoch (not modified)
     * @param ws             this thread's scratch memory
     * @param withBondsFixed also return the pre-storage bond values (costs an n_validators × n array)
     * @return the epoch's outputs; fresh arrays owned by the caller
     */
    public YumaResult epoch(YumaInputs in, YumaWorkspace ws, boolean withBondsFixed) {
        return epoch(in, ws, withBondsFixed, null);
    }

    /**
     * Runs one epoch whose consensus (§5.6) the caller already knows, skipping the κ-quantile pass. Valid
     * only when the masked, normalised weight rows and the active stake are those of the epoch that produced
     * {@code consensus} — e.g. the previous epoch, when no weights, stakes, permits or registrations changed
     * since; then the result is identical to {@link #epoch(YumaInputs, YumaWorkspace)}.
     *
     * @param consensus the consensus of that epoch (not modified)
     */
    public YumaResult epochWithConsensus(YumaInputs in, YumaWorkspace ws, double[] consensus) {
        if (consensus.length != in.n()) {
            throw new IllegalArgumentException("consensus has length " + consensus.length + ", expected " + in.n());
        }
        return epoch(in, ws, false, consensus);
    }

    private YumaResult epoch(YumaInputs in, YumaWorkspace ws, boolean withBondsFixed, double[] knownConsensus) {
        final int n = in.n();
        ws.ensure(n);
        final int owner = params.ownerUid() < n ? params.ownerUid() : -1;
        final long block = in.currentBlock();
        final long[] lastUpdate = in.lastUpdate();
        final long[] reg = in.blockAtRegistration();

        // §5.1 activity
        boolean[] active = new boolean[n];
        long cutoff = params.activityCutoffBlocks();
        for (int i = 0; i < n; i++) {
            active[i] = !(satAdd(lastUpdate[i], cutoff) < block);
        }

        // §5.2 stake threshold and normalization (I64F64 quotient truncated to I32F32)
        long[] stakeEff = ws.stakeEff;
        long stakeSum = 0;
        for (int i = 0; i < n; i++) {
            long s = in.stake()[i];
            if (s < params.stakeThreshold() && i != owner) {
                s = 0;
            }
            stakeEff[i] = s;
            stakeSum = satAdd(stakeSum, s);
        }
        double[] stakeNorm = new double[n];
        if (stakeSum > 0) {
            double total = stakeSum;
            for (int i = 0; i < n; i++) {
                stakeNorm[i] = trunc32(stakeEff[i] / total);
            }
        }

        // §5.3 permits for the next epoch
        boolean[] newPermits = topKPermits(stakeNorm, params.maxAllowedValidators(), ws.keys);
        if (owner >= 0) {
            newPermits[owner] = true;
        }

        // §5.4 active stake, masked by the previous epoch's permits
        boolean[] permitOld = ws.permitOld;
        double[] activeStake = new double[n];
        double activeSum = 0;
        for (int i = 0; i < n; i++) {
            permitOld[i] = in.permitsBefore()[i] || i == owner;
            if (active[i] && permitOld[i]) {
                activeStake[i] = stakeNorm[i];
                activeSum += stakeNorm[i];
            }
        }
        if (activeSum > 0) {
            for (int i = 0; i < n; i++) {
                activeStake[i] = trunc32(activeStake[i] / activeSum);
            }
        }

        // §5.5 weight masks and row normalization; absent entries are −1
        boolean[] hasRow = ws.hasRow;
        for (int i = 0; i < n; i++) {
            int[] src = in.weights()[i];
            hasRow[i] = src != null && permitOld[i];
            if (!hasRow[i]) {
                continue;
            }
            double[] row = ws.wRow(i);
            long lu = lastUpdate[i];
            boolean dropSelf = i != owner && src[i] >= 0 && lu > reg[i];
            long rowSum = dropSelf ? -src[i] : 0;
            for (int j = 0; j < n; j++) {
                int v = src[j];
                rowSum += (v >= 0 & lu > reg[j]) ? v : 0;
            }
            double inv = rowSum > 0 ? 1.0 / rowSum : 1.0;
            for (int j = 0; j < n; j++) {
                int v = src[j];
                row[j] = (v >= 0 & lu > reg[j]) ? v * inv : -1.0;
            }
            if (i != owner) {
                row[i] = -1.0;
            }
        }

        // §5.6 consensus
        double[] consensus = knownConsensus != null ? knownConsensus.clone() : consensus(n, activeStake, ws);

        // §5.10 column mask of bonds to uids registered since the last epoch
        long lastStep = in.lastMechanismStepBlock();
        long lastTempo = lastStep != 0 ? lastStep + 1 : Math.max(0, block - params.tempo());
        boolean[] colMasked = ws.colMasked;
        for (int j = 0; j < n; j++) {
            colMasked[j] = lastTempo <= reg[j];
        }

        // §5.7, §5.8 clipping, validator trust, ranks, incentive
        double[] validatorTrust = new double[n];
        double[] ranks = new double[n];
        // Yuma 3 with a fixed α: the bond EMA needs only W and C, so it shares the pass over W
        boolean emaFused = params.yuma3() && !(params.liquidAlpha() && !allZero(consensus));
        if (emaFused) {
            clipAndYuma3Ema(in, ws, consensus, activeStake, validatorTrust, ranks);
        }
        for (int i = 0; i < n && !emaFused; i++) {
            if (!hasRow[i]) {
                continue;
            }
            double[] row = ws.w[i];
            double sa = activeStake[i];
            double vt = 0;
            if (sa > 0) {
                for (int j = 0; j < n; j++) {
                    double x = row[j];
                    double c = consensus[j];
                    double wc = x < c ? x : c;
                    wc = wc > 0 ? wc : 0.0;
                    vt += wc;
                    ranks[j] += sa * wc;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    double x = row[j];
                    double c = consensus[j];
                    double wc = x < c ? x : c;
                    vt += wc > 0 ? wc : 0.0;
                }
            }
            validatorTrust[i] = vt;
        }
        double[] incentive = normalized(ranks);

        // §5.9–5.10 bonds and dividends
        int[][] bondsU16 = new int[n][];
        double[][] bondsFixed = withBondsFixed ? new double[n][] : null;
        double[] dividends = params.yuma3()
                ? yuma3Bonds(in, ws, consensus, activeStake, incentive, newPermits, bondsU16, bondsFixed, emaFused)
                : yuma1Bonds(in, ws, consensus, activeStake, incentive, newPermits, bondsU16, bondsFixed);

        // §5.11 emission
        double emissionSum = 0;
        for (int i = 0; i < n; i++) {
            emissionSum += incentive[i] + dividends[i];
        }
        long rao = in.raoEmission();
        long[] serverRao = new long[n];
        long[] validatorRao = new long[n];
        long[] emissionRao = new long[n];
        if (emissionSum > 0) {
            for (int i = 0; i < n; i++) {
                serverRao[i] = toRao(incentive[i] / emissionSum, rao);
                validatorRao[i] = toRao(dividends[i] / emissionSum, rao);
                emissionRao[i] = toRao((incentive[i] + dividends[i]) / emissionSum, rao);
            }
        } else {
            double[] fallback = activeSum > 0 && !allZero(activeStake) ? activeStake : stakeNorm;
            for (int i = 0; i < n; i++) {
                validatorRao[i] = toRao(fallback[i], rao);
                emissionRao[i] = validatorRao[i];
            }
        }

        return new YumaResult(active, newPermits, stakeNorm, activeStake, consensus, validatorTrust, ranks,
                incentive, dividends, toU16(stakeNorm), toU16(consensus), toU16(validatorTrust), toU16(incentive),
                toU16(dividends), serverRao, validatorRao, emissionRao, bondsU16, bondsFixed);
    }

    /** §5.6: per column, the κ-quantile of the scores of positive-active-stake rows (0 where no entry). */
    private double[] consensus(int n, double[] activeStake, YumaWorkspace ws) {
        double[] consensus = new double[n];
        int[] voters = ws.voters;
        int k = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (activeStake[i] > 0) {
                voters[k++] = i;
                sum += activeStake[i];
            }
        }
        if (k == 0) {
            return consensus;
        }
        double[] s = ws.voterStake;
        double sSum = 0;
        for (int v = 0; v < k; v++) {
            s[v] = activeStake[voters[v]] / sum;
            sSum += s[v];
        }
        double minority = sSum - kappa;
        double[] vals = ws.colVals;
        double[] wts = ws.colWts;
        boolean[] hasRow = ws.hasRow;
        final int block = YumaWorkspace.BLOCK;
        for (int j0 = 0; j0 < n; j0 += block) {
            int jb = Math.min(block, n - j0);
            for (int v = 0; v < k; v++) {
                int i = voters[v];
                if (hasRow[i]) {
                    double[] row = ws.w[i];
                    for (int t = 0; t < jb; t++) {
                        double x = row[j0 + t];
                        vals[t * k + v] = x > 0 ? x : 0.0;
                    }
                } else {
                    for (int t = 0; t < jb; t++) {
                        vals[t * k + v] = 0;
                    }
                }
            }
            for (int t = 0; t < jb; t++) {
                System.arraycopy(s, 0, wts, t * k, k);
            }
            for (int t = 0; t < jb; t++) {
                consensus[j0 + t] = WeightedQuantile.selectBucketed(vals, wts, t * k, t * k + k, minority, ws.bucketW);
            }
        }
        return consensus;
    }

    /** §5.9: the weight used for bonds, or −1 when the sparse entry is absent. */
    private double weightForBonds(double x, double c) {
        if (x < 0) {
            return -1.0;
        }
        if (betaMode == 0) {
            return x;
        }
        double wc = x < c ? x : c;
        if (betaMode == 1) {
            return (x > c && c == 0) ? -1.0 : wc;
        }
        double v = x + beta * (wc - x);
        return v > 0 ? v : -1.0;
    }

    /** {@link #weightForBonds} with absent entries as 0, branch-free for the fixed-α EMA. */
    private double positiveWeightForBonds(double x, double c) {
        if (betaMode == 0) {
            return x > 0 ? x : 0.0;
        }
        double wc = x < c ? x : c;
        if (betaMode == 1) {
            return wc > 0 ? wc : 0.0;
        }
        double v = x + beta * (wc - x);
        return v > 0 ? v : 0.0;
    }

    /** §5.10b (ii)/(i): per-pair α from the sigmoid of the bond/weight/consensus discrepancy. */
    private double liquidAlpha(double c, double wb, double b) {
        double diff = wb >= b ? clamp01(wb - c) : clamp01(b - wb);
        double z = steepness * (diff - 0.5);
        z = Math.max(-20.0, Math.min(20.0, z));
        double sigma = 1.0 / (1.0 + StrictMath.exp(z));
        double a = alphaLow + sigma * (alphaHigh - alphaLow);
        return Math.max(alphaLow, Math.min(alphaHigh, a));
    }

    /**
     * §5.7–5.8 and §5.10b(ii) in one pass over W: clipped weights give validator trust and ranks, and the
     * fixed-α EMA {@code α·Wb + (1−α)·B} of every row is written to the workspace with its column sums.
     */
    private void clipAndYuma3Ema(YumaInputs in, YumaWorkspace ws, double[] consensus, double[] activeStake,
                                 double[] validatorTrust, double[] ranks) {
        final int n = in.n();
        boolean[] hasRow = ws.hasRow;
        boolean[] hasEma = ws.hasEma;
        double[] colSum = ws.colSumA;
        Arrays.fill(colSum, 0, n, 0.0);
        double[] bScale = ws.colSumB;
        for (int j = 0; j < n; j++) {
            bScale[j] = ws.colMasked[j] ? 0.0 : INV_U16;
        }
        double a = emaAlpha;
        double keep = 1.0 - a;
        int[] zeros = ws.zeroRow;
        for (int i = 0; i < n; i++) {
            int[] brRaw = in.bondsBefore()[i];
            boolean hr = hasRow[i];
            hasEma[i] = hr || brRaw != null;
            if (!hasEma[i]) {
                continue;
            }
            int[] br = brRaw != null ? brRaw : zeros;
            double[] e = ws.emaRow(i);
            if (!hr) {
                for (int j = 0; j < n; j++) {
                    double v = keep * (br[j] * bScale[j]);
                    e[j] = v;
                    colSum[j] += v;
                }
                continue;
            }
            double[] row = ws.w[i];
            double sa = activeStake[i];
            double vt = 0;
            for (int j = 0; j < n; j++) {
                double x = row[j];
                double c = consensus[j];
                double wc = x < c ? x : c;
                wc = wc > 0 ? wc : 0.0;
                vt += wc;
                ranks[j] += sa * wc;
                double wb;
                if (betaMode == 1) {
                    wb = wc;
                } else if (betaMode == 0) {
                    wb = x > 0 ? x : 0.0;
                } else {
                    double d = x + beta * ((x < c ? x : c) - x);
                    wb = d > 0 ? d : 0.0;
                }
                double v = a * wb + keep * (br[j] * bScale[j]);
                e[j] = v;
                colSum[j] += v;
            }
            validatorTrust[i] = vt;
        }
    }

    /** §5.10b Yuma 3: absolute bond fractions, dividends ∝ (colnorm(EMA)·I)∘S_act. */
    private double[] yuma3Bonds(YumaInputs in, YumaWorkspace ws, double[] consensus, double[] activeStake,
                                double[] incentive, boolean[] newPermits, int[][] bondsU16, double[][] bondsFixed,
                                boolean emaReady) {
        final int n = in.n();
        boolean liquid = params.liquidAlpha() && !allZero(consensus);
        boolean[] hasRow = ws.hasRow;
        boolean[] hasEma = ws.hasEma;
        boolean[] colMasked = ws.colMasked;
        double[] colSum = ws.colSumA;
        if (!emaReady) {
            Arrays.fill(colSum, 0, n, 0.0);
        double a = emaAlpha;
        double keep = 1.0 - a;
        double[] bScale = ws.colSumB;
        for (int j = 0; j < n; j++) {
            bScale[j] = colMasked[j] ? 0.0 : INV_U16;
        }
        double[] caps = ws.colSumC; // β = 0: Wb = W; β = 1: Wb = min(W, C)
        for (int j = 0; j < n; j++) {
            caps[j] = betaMode == 0 ? Double.POSITIVE_INFINITY : consensus[j];
        }
        int[] zeros = ws.zeroRow;
        for (int i = 0; i < n; i++) {
            int[] brRaw = in.bondsBefore()[i];
            boolean hr = hasRow[i];
            hasEma[i] = hr || (!liquid && brRaw != null);
            if (!hasEma[i]) {
                continue;
            }
            int[] br = brRaw != null ? brRaw : zeros;
            double[] e = ws.emaRow(i);
            if (liquid) {
                double[] row = ws.w[i];
                for (int j = 0; j < n; j++) {
                    double wb = weightForBonds(row[j], consensus[j]);
                    double v = 0; // absent entry: sparse artefact §5.10b(iii) drops the bond
                    if (wb >= 0) {
                        double b = br[j] * bScale[j];
                        double aij = liquidAlpha(consensus[j], wb, b);
                        v = Math.min(1.0, (1 - aij) * b + Math.max(0, aij * wb));
                    }
                    e[j] = v;
                    colSum[j] += v;
                }
            } else if (hr && betaMode != 2) {
                double[] row = ws.w[i];
                for (int j = 0; j < n; j++) {
                    double x = row[j];
                    double cap = caps[j];
                    double wb = x < cap ? x : cap;
                    double v = a * (wb > 0 ? wb : 0.0) + keep * (br[j] * bScale[j]);
                    e[j] = v;
                    colSum[j] += v;
                }
            } else if (hr) {
                double[] row = ws.w[i];
                for (int j = 0; j < n; j++) {
                    double v = a * positiveWeightForBonds(row[j], consensus[j]) + keep * (br[j] * bScale[j]);
                    e[j] = v;
                    colSum[j] += v;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    double v = keep * (br[j] * bScale[j]);
                    e[j] = v;
                    colSum[j] += v;
                }
            }
        }
        }
        double[] scale = ws.colScale;
        for (int j = 0; j < n; j++) {
            scale[j] = colSum[j] > 0 ? incentive[j] / colSum[j] : 0;
        }
        double[] dividends = new double[n];
        for (int i = 0; i < n; i++) {
            boolean store = newPermits[i];
            boolean pays = hasEma[i] && activeStake[i] > 0;
            int[] out = store ? new int[n] : null;
            if (hasEma[i] && (store || pays)) {
                double[] e = ws.ema[i];
                double tb = 0;
                if (store) {
                    for (int j = 0; j < n; j++) {
                        double x = e[j];
                        tb += x * scale[j];
                        out[j] = (int) (x * 65535.0);
                    }
                    if (bondsFixed != null) {
                        bondsFixed[i] = Arrays.copyOf(e, n);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        tb += e[j] * scale[j];
                    }
                }
                dividends[i] = pays ? tb * activeStake[i] : 0;
            }
            if (store) {
                bondsU16[i] = out;
                if (bondsFixed != null && bondsFixed[i] == null) {
                    bondsFixed[i] = new double[n];
                }
            }
        }
        return normalized(dividends);
    }

    /** §5.10a original Yuma: column-normalized bonds, EMA renormalized, stored column-max-upscaled. */
    private double[] yuma1Bonds(YumaInputs in, YumaWorkspace ws, double[] consensus, double[] activeStake,
                                double[] incentive, boolean[] newPermits, int[][] bondsU16, double[][] bondsFixed) {
        final int n = in.n();
        boolean[] hasRow = ws.hasRow;
        boolean[] hasEma = ws.hasEma;
        boolean[] colMasked = ws.colMasked;
        double[] bSum = ws.colSumA;
        double[] dSum = ws.colSumB;
        double[] eSum = ws.colSumC;
        Arrays.fill(bSum, 0, n, 0.0);
        Arrays.fill(dSum, 0, n, 0.0);
        Arrays.fill(eSum, 0, n, 0.0);
        for (int i = 0; i < n; i++) {
            int[] br = in.bondsBefore()[i];
            hasEma[i] = hasRow[i] || br != null;
            if (br != null) {
                for (int j = 0; j < n; j++) {
                    if (!colMasked[j]) {
                        bSum[j] += br[j];
                    }
                }
            }
            if (hasRow[i] && activeStake[i] > 0) {
                double[] row = ws.w[i];
                double sa = activeStake[i];
                for (int j = 0; j < n; j++) {
                    double wb = weightForBonds(row[j], consensus[j]);
                    if (wb > 0) {
                        dSum[j] += wb * sa;
                    }
                }
            }
        }
        double a = emaAlpha;
        double keep = 1.0 - a;
        for (int i = 0; i < n; i++) {
            if (!hasEma[i]) {
                continue;
            }
            int[] br = in.bondsBefore()[i];
            double[] row = hasRow[i] ? ws.w[i] : null;
            double sa = activeStake[i];
            double[] e = ws.emaRow(i);
            for (int j = 0; j < n; j++) {
                double b = (br == null || colMasked[j] || bSum[j] == 0) ? 0 : br[j] / bSum[j];
                double d = 0;
                if (row != null && sa > 0 && dSum[j] > 0) {
                    double wb = weightForBonds(row[j], consensus[j]);
                    if (wb > 0) {
                        d = wb * sa / dSum[j];
                    }
                }
                double v = a * d + keep * b;
                e[j] = v;
                eSum[j] += v;
            }
        }
        double[] colMax = ws.colScale;
        Arrays.fill(colMax, 0, n, 0.0);
        double[] dividends = new double[n];
        for (int i = 0; i < n; i++) {
            if (!hasEma[i]) {
                continue;
            }
            double[] e = ws.ema[i];
            double div = 0;
            for (int j = 0; j < n; j++) {
                double v = eSum[j] > 0 ? e[j] / eSum[j] : 0;
                e[j] = v;
                div += v * incentive[j];
                if (v > colMax[j]) {
                    colMax[j] = v;
                }
            }
            dividends[i] = div;
        }
        for (int i = 0; i < n; i++) {
            if (!newPermits[i]) {
                continue;
            }
            int[] out = new int[n];
            double[] fixed = bondsFixed != null ? new double[n] : null;
            if (hasEma[i]) {
                double[] e = ws.ema[i];
                for (int j = 0; j < n; j++) {
                    double up = colMax[j] > 0 ? e[j] / colMax[j] : 0;
                    out[j] = (int) (up * 65535.0);
                    if (fixed != null) {
                        fixed[j] = up;
                    }
                }
            }
            bondsU16[i] = out;
            if (bondsFixed != null) {
                bondsFixed[i] = fixed;
            }
        }
        return normalized(dividends);
    }

    /**
     * {@code is_topk_nonzero} (math.rs l.227): stable ascending sort by S, the first n−k lose; S = 0 never wins.
     * Equal S: the higher uid keeps the permit.
     */
    static boolean[] topKPermits(double[] stakeNorm, int k, long[] keys) {
        int n = stakeNorm.length;
        boolean[] permits = new boolean[n];
        if (n <= k) {
            for (int i = 0; i < n; i++) {
                permits[i] = stakeNorm[i] > 0;
            }
            return permits;
        }
        for (int i = 0; i < n; i++) {
            long raw = (long) (stakeNorm[i] * TWO32);
            keys[i] = (raw << 20) | i;
        }
        Arrays.sort(keys, 0, n);
        for (int r = n - k; r < n; r++) {
            int i = (int) (keys[r] & 0xFFFFF);
            permits[i] = stakeNorm[i] > 0;
        }
        return permits;
    }

    static double trunc32(double x) {
        return Math.floor(x * TWO32) / TWO32;
    }

    private static double clamp01(double x) {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static boolean allZero(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] normalized(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double[] out = new double[x.length];
        if (sum > 0) {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i] / sum;
            }
        }
        return out;
    }

    private static long toRao(double fraction, long rao) {
        return (long) Math.floor(fraction * rao);
    }

    static int[] toU16(double[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (int) Math.min(65535.0, Math.floor(x[i] * 65535.0));
        }
        return out;
    }
}
