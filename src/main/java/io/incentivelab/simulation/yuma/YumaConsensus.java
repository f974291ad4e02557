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
 * W        = rownorm(W_u16 without rows of !permit_old, diagonal (not owner), last_update_i ≤ reg_j,
 *                   commit_i &lt; reg_j with commit-reveal)                                  §5.5
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
 * Instances are immutable and thread-safe; pass each thread its own {@link YumaWorkspace}. With
 * {@link YumaParams#commitReveal()} the commit-reveal mask (§5.5 step 4) drops {@code w_ij} when i's earliest
 * unexpired commit ({@link YumaInputs#earliestCommitBlock()}) is older than j's registration.
 */
public final class YumaConsensus {

    private static final double TWO32 = 4294967296.0;
    private static final double INV_U16 = 1.0 / 65535.0;
    /**
     * Largest W (rows with weights × n × 8 bytes) that is kept as double rows, the layout whose passes C2
     * vectorises; larger ones are read from the 4-byte stored rows, converting on the fly (less memory, but
     * scalar). Measured on a 1 MiB-L2 / 32 MiB-L3 machine, double rows were faster at every size tried:
     * 64×256 (128 KiB), 64×1100 (+37 %), 128×2048 (+40 %) and 256×4096 (8 MiB, +14 %); the bound only caps the
     * scratch memory a workspace holds.
     */
    static final long DOUBLE_ROWS_MAX_BYTES = 64L * 1024 * 1024;
    /**
     * Smallest W (voter and other weight rows × n × 8 bytes) whose ranks are summed in the column blocks: above
     * the 1 MiB L2, one pass less over W beats the vectorised row pass (256×4096: see docs/performance.md).
     */
    static final long RANKS_IN_BLOCK_MIN_BYTES = 2L * 1024 * 1024;

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
        return epoch(in, ws, withBondsFixed, null, null);
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
        return epoch(in, ws, false, consensus, null);
    }

    /**
     * Runs one epoch of a subnet that keeps a {@link YumaCarry} from epoch to epoch. With
     * {@code weightsUnchanged} the caller promises that the stored weight rows hold the same values as in the
     * last epoch run with {@code carry}. When, in addition, the active stake, the previous permits, the
     * registrations and the weight-mask limits are those of that epoch (the epoch checks them), it reuses that
     * epoch's consensus, and, when the carry holds them, its validator trust, ranks, incentive and clipped
     * weights, computing only bonds, dividends and emission. Either way the result is identical to
     * {@link #epoch(YumaInputs, YumaWorkspace)}.
     *
     * @param carry            this subnet's carry, updated for the next epoch
     * @param weightsUnchanged the promise above; false for the first epoch and after any weight change
     */
    public YumaResult epoch(YumaInputs in, YumaWorkspace ws, YumaCarry carry, boolean weightsUnchanged) {
        return epoch(in, ws, false, null, carry, weightsUnchanged);
    }

    private YumaResult epoch(YumaInputs in, YumaWorkspace ws, boolean withBondsFixed, double[] knownConsensus,
                             YumaCarry carry) {
        return epoch(in, ws, withBondsFixed, knownConsensus, carry, false);
    }

    private YumaResult epoch(YumaInputs in, YumaWorkspace ws, boolean withBondsFixed, double[] knownConsensus,
                             YumaCarry carry, boolean weightsUnchanged) {
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

        // §5.5 weight masks and row normalization. W_ij = src_ij · inv_i with src the stored u16 row, or a
        // copy with masked entries set to ABSENT (−1) when the row has any. W up to DOUBLE_ROWS_MAX_BYTES as
        // doubles is also kept as double rows for the vectorised passes; a larger one is read from the 4-byte rows.
        boolean commitReveal = params.commitReveal();
        long maxReg = Long.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            maxReg = Math.max(maxReg, reg[j]);
        }
        boolean[] hasRow = ws.hasRow;
        long[] limits = ws.limits;
        int[][] src = ws.src;
        double[] inv = ws.inv;
        long weightRows = 0;
        for (int i = 0; i < n; i++) {
            hasRow[i] = in.weights()[i] != null && permitOld[i];
            limits[i] = hasRow[i] ? in.weightLimit(i, commitReveal) : 0; // keep w_ij iff reg_j < limit (§5.5 steps 3–4)
            if (hasRow[i]) {
                weightRows++;
            }
        }
        final boolean doubleRows = weightRows * n * Double.BYTES <= ws.doubleRowsMaxBytes;
        ws.doubleRows = doubleRows;

        double[] consensus;
        double[] validatorTrust;
        double[] ranks;
        double[] incentive;
        double[][] wRows = ws.w;
        if (carry != null && weightsUnchanged && carry.sameInputs(n, activeStake, permitOld, reg, hasRow, limits, maxReg)) {
            knownConsensus = carry.consensus;
        }
        if (knownConsensus != null && carry != null && carry.ready && params.yuma3() && betaMode == 1
                && !withBondsFixed && !liquidAlphaOn(in, knownConsensus, ws)) {
            // §5.5–5.9 as the last epoch computed them from the same W, stake and consensus (see YumaCarry)
            consensus = carry.consensus.clone();
            validatorTrust = carry.validatorTrust.clone();
            ranks = carry.ranks.clone();
            incentive = carry.incentive.clone();
            System.arraycopy(carry.wbSum, 0, ws.colSumA, 0, n);
            wRows = carry.w;
            ws.doubleRows = true;
        } else {
            consensus = new double[n];
            validatorTrust = new double[n];
            ranks = new double[n];
            incentive = weightsToRanks(in, ws, n, owner, maxReg, weightRows, doubleRows, activeStake, knownConsensus,
                    consensus, validatorTrust, ranks);
            if (carry != null) {
                carry.keepConsensus(n, consensus, activeStake, permitOld, reg, hasRow, limits);
                if (doubleRows && params.yuma3() && betaMode == 1 && !withBondsFixed
                        && weightRows * n * Double.BYTES <= YumaCarry.MAX_W_BYTES && !liquidAlphaOn(in, consensus, ws)) {
                    carry.keepW(ws.w, validatorTrust, ranks, incentive, ws.colSumA);
                }
            }
        }

        // §5.10 column mask of bonds to uids registered since the last epoch
        long lastStep = in.lastMechanismStepBlock();
        long lastTempo = lastStep != 0 ? lastStep + 1 : Math.max(0, block - params.tempo());
        boolean[] colMasked = ws.colMasked;
        for (int j = 0; j < n; j++) {
            colMasked[j] = lastTempo <= reg[j];
        }

        // §5.9–5.10 bonds and dividends
        double[][] bondsOut = new double[n][];
        double[][] bondsFixed = withBondsFixed ? new double[n][] : null;
        // the consensus liquid alpha's sigmoid reads: the current one, or in Auto mode with β = 1 the previous epoch's
        double[] alphaConsensus = alphaConsensus(in, consensus, ws);
        boolean liquid = liquidAlphaOn(in, consensus, ws);
        double[] dividends;
        if (params.yuma3() && !liquid) {
            dividends = yuma3FixedAlphaBonds(in, ws, wRows, consensus, activeStake, incentive, newPermits, bondsOut,
                    bondsFixed);
        } else {
            materializeW(n, ws);
            dividends = params.yuma3()
                    ? yuma3LiquidBonds(in, ws, consensus, alphaConsensus, newPermits, activeStake, incentive, bondsOut,
                    bondsFixed)
                    : yuma1Bonds(in, ws, consensus, activeStake, incentive, newPermits, bondsOut, bondsFixed);
        }

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
                incentive, dividends, serverRao, validatorRao, emissionRao, bondsOut, bondsFixed);
    }

    /** The consensus liquid alpha's sigmoid reads: the current one, or in Auto mode with β = 1 the previous epoch's. */
    private double[] alphaConsensus(YumaInputs in, double[] consensus, YumaWorkspace ws) {
        return !params.liquidAlphaReadsPreviousConsensus() ? consensus
                : in.consensusBefore() != null ? in.consensusBefore() : ws.zeroDoubles;
    }

    /** Whether this epoch's bonds use liquid alpha (on, and the consensus its sigmoid reads is not all zero). */
    private boolean liquidAlphaOn(YumaInputs in, double[] consensus, YumaWorkspace ws) {
        return params.liquidAlpha() && !allZero(alphaConsensus(in, consensus, ws));
    }

    /**
     * §5.5–5.8 from the stored weight rows: the masked rows, normalised ({@code ws.src}, {@code ws.inv}, and for
     * a small W the double rows {@code ws.w}), then consensus (or {@code knownConsensus}), validator trust, ranks
     * and {@code Σ_i Wb_ij} ({@code ws.colSumA}) into the given arrays.
     *
     * @return the incentive, {@code ranks} normalized
     */
    private double[] weightsToRanks(YumaInputs in, YumaWorkspace ws, int n, int owner, long maxReg, long weightRows,
                                    boolean doubleRows, double[] activeStake, double[] knownConsensus,
                                    double[] consensus, double[] validatorTrust, double[] ranks) {
        final long[] reg = in.blockAtRegistration();
        boolean[] hasRow = ws.hasRow;
        long[] limits = ws.limits;
        int[][] src = ws.src;
        double[] inv = ws.inv;
        // with double rows and β = 1 the column minimum and maximum over the voters' scores (the range of the
        // κ-quantile's buckets) are gathered here, in a loop C2 vectorises, rather than in the column-block
        // transpose. A voter without a weight row scores 0 everywhere. Bucketing over [min, max] rather than
        // [0, max] keeps columns whose scores sit close together (validators that agree) spread over the buckets.
        final boolean gatherColMax = doubleRows && betaMode == 1;
        double[] colMax = ws.colMax;
        double[] colMin = ws.colMin;
        if (gatherColMax) {
            boolean voterWithoutRow = false;
            for (int i = 0; i < n; i++) {
                voterWithoutRow |= activeStake[i] > 0 && in.weights()[i] == null;
            }
            Arrays.fill(colMax, 0, n, 0.0);
            Arrays.fill(colMin, 0, n, voterWithoutRow ? 0.0 : Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            int[] row = in.weights()[i];
            if (!hasRow[i]) {
                src[i] = null;
                continue;
            }
            long limit = limits[i];
            boolean selfMasked = i != owner && row[i] >= 0;
            int[] s = row;
            ws.selfPending[i] = false;
            if (doubleRows && n <= 32768 && limit > maxReg) {
                // no registration mask: the double row is made from the stored row, with w_ii dropped from it and
                // from its sum; the masked int row is made only if a later pass reads it (maskPendingRows)
                double[] wr = ws.wRow(i);
                int sum = 0;
                for (int j = 0; j < n; j++) {
                    int x = Math.max(row[j], 0);
                    sum += x;
                    wr[j] = x;
                }
                if (selfMasked) {
                    sum -= row[i];
                    wr[i] = 0;
                    ws.selfPending[i] = true;
                }
                inv[i] = scaleRow(wr, n, sum, gatherColMax && activeStake[i] > 0, colMax, colMin);
                src[i] = row;
                continue;
            }
            if (limit <= maxReg || selfMasked) {
                s = ws.maskedRow(i);
                for (int j = 0; j < n; j++) {
                    s[j] = reg[j] < limit ? row[j] : YumaInputs.ABSENT;
                }
                if (i != owner) {
                    s[i] = YumaInputs.ABSENT;
                }
            }
            if (doubleRows && n <= 32768) {
                // W_ij as doubles, absent entries 0: int→double conversion does not vectorise, so for a W that
                // stays in cache it is done once here, fused with the row sum (Σ of ≤ 32768 u16 values fits an
                // int), and the later passes (transpose, bonds) run on doubles; the scaling by 1/Σ is a SIMD pass
                double[] wr = ws.wRow(i);
                int sum = 0;
                for (int j = 0; j < n; j++) {
                    int x = Math.max(s[j], 0);
                    sum += x;
                    wr[j] = x;
                }
                inv[i] = scaleRow(wr, n, sum, gatherColMax && activeStake[i] > 0, colMax, colMin);
                src[i] = s;
                continue;
            }
            long rowSum = 0;
            if (n <= 32768) { // Σ of ≤ 32768 u16 values fits an int
                int sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += Math.max(s[j], 0);
                }
                rowSum = sum;
            } else {
                for (int j = 0; j < n; j++) {
                    rowSum += Math.max(s[j], 0);
                }
            }
            double iv = rowSum > 0 ? 1.0 / rowSum : 1.0;
            inv[i] = iv;
            src[i] = s;
            if (doubleRows) {
                // W_ij as doubles, absent entries 0: int→double conversion does not vectorise, so for a W that
                // stays in cache it is done once here and the later passes (transpose, bonds) run on doubles
                double[] wr = ws.wRow(i);
                for (int j = 0; j < n; j++) {
                    wr[j] = Math.max(s[j], 0) * iv;
                }
                if (gatherColMax && activeStake[i] > 0) {
                    for (int j = 0; j < n; j++) {
                        colMax[j] = Math.max(colMax[j], wr[j]);
                        colMin[j] = Math.min(colMin[j], wr[j]);
                    }
                }
            }
        }

        // §5.6–5.9 consensus, clipping, validator trust, ranks (and Σ_i Wb_ij), one column block at a time
        consensusAndClip(n, activeStake, ws, knownConsensus, consensus, validatorTrust, ranks, ws.colSumA);
        return normalized(ranks);
    }

    /**
     * Scales a double row of whole weights by {@code 1/sum} (a SIMD pass) and, for a voter, folds it into the
     * column minimum and maximum; returns the scale.
     */
    private static double scaleRow(double[] wr, int n, int sum, boolean gather, double[] colMax, double[] colMin) {
        double iv = sum > 0 ? 1.0 / sum : 1.0;
        for (int j = 0; j < n; j++) {
            wr[j] *= iv;
        }
        if (gather) {
            for (int j = 0; j < n; j++) { // scores are ≥ 0, never NaN: Math.max/min are the plain ones
                colMax[j] = Math.max(colMax[j], wr[j]);
                colMin[j] = Math.min(colMin[j], wr[j]);
            }
        }
        return iv;
    }

    /** Makes the masked int rows the row pass left to the stored rows (w_ii still to drop), for passes that read them. */
    private static void maskPendingRows(int n, YumaWorkspace ws) {
        for (int i = 0; i < n; i++) {
            if (ws.hasRow[i] && ws.selfPending[i]) {
                int[] m = ws.maskedRow(i);
                System.arraycopy(ws.src[i], 0, m, 0, n);
                m[i] = YumaInputs.ABSENT;
                ws.src[i] = m;
                ws.selfPending[i] = false;
            }
        }
    }

    /**
     * §5.6–5.9 over column blocks: the rows with positive active stake (the voters of the κ-quantile) and then
     * the other rows with weights are transposed, block by block, into a column-major scratch that stays in
     * cache; per column the κ-quantile is selected over the voters' scores, and the clipped weights of every row
     * give validator trust, ranks and the column sum of the bond weights {@code Wb}.
     */
    private void consensusAndClip(int n, double[] activeStake, YumaWorkspace ws, double[] knownConsensus,
                                  double[] consensus, double[] validatorTrust, double[] ranks, double[] wbSum) {
        boolean[] hasRow = ws.hasRow;
        int[][] src = ws.src;
        double[] inv = ws.inv;
        int[] list = ws.voters;
        int k = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (activeStake[i] > 0) {
                list[k++] = i;
                sum += activeStake[i];
            }
        }
        int rows = k;
        for (int i = 0; i < n; i++) {
            if (hasRow[i] && !(activeStake[i] > 0)) {
                list[rows++] = i;
            }
        }
        Arrays.fill(wbSum, 0, n, 0.0);
        if (rows == 0) {
            if (knownConsensus != null) {
                System.arraycopy(knownConsensus, 0, consensus, 0, n);
            }
            return;
        }
        double[] s = ws.voterStake;
        double sSum = 0;
        for (int v = 0; v < k; v++) {
            s[v] = activeStake[list[v]] / sum;
            sSum += s[v];
        }
        double minority = sSum - kappa;
        double[] sa = ws.rowStake;
        double[] vt = ws.rowTrust;
        for (int v = 0; v < rows; v++) {
            sa[v] = activeStake[list[v]];
            vt[v] = 0;
        }
        double[] vals = ws.colVals;
        double[] cMax = ws.blockMax;
        final boolean doubleRows = ws.doubleRows;
        final int block = YumaWorkspace.BLOCK;
        if (doubleRows && betaMode == 1) {
            // a W larger than the L2 cache: ranks and Σ_i Wb_ij from the column block while it is in cache, rather
            // than in one more pass over W row by row (which C2 vectorises, the better choice while W stays in L2)
            boolean ranksInBlock = (long) rows * n * Double.BYTES > ws.ranksInBlockMinBytes;
            for (int j0 = 0; j0 < n; j0 += block) {
                int jb = Math.min(block, n - j0);
                transposeDoubleRows(j0, jb, rows, list, ws);
                consensusAndTrustBlock(j0, jb, rows, k, s, minority, knownConsensus, ws, consensus,
                        ranksInBlock ? ranks : null, wbSum);
            }
            if (!ranksInBlock) {
                ranksDoubleRows(n, rows, list, ws, consensus, ranks, wbSum);
            }
            for (int v = 0; v < rows; v++) {
                int i = list[v];
                if (hasRow[i]) {
                    validatorTrust[i] = vt[v];
                }
            }
            return;
        }
        for (int j0 = 0; j0 < n; j0 += block) {
            int jb = Math.min(block, n - j0);
            for (int v = 0; v < rows; v++) {
                int i = list[v];
                if (hasRow[i] && !doubleRows) { // large W: read the stored u16 row, 4 bytes per entry
                    int[] r = src[i];
                    double iv = inv[i];
                    if (v >= k) {
                        for (int t = 0; t < jb; t++) {
                            vals[t * rows + v] = Math.max(r[j0 + t], 0) * iv;
                        }
                    } else if (v == 0) {
                        for (int t = 0; t < jb; t++) {
                            double x = Math.max(r[j0 + t], 0) * iv;
                            vals[t * rows + v] = x;
                            cMax[t] = x;
                        }
                    } else {
                        for (int t = 0; t < jb; t++) {
                            double x = Math.max(r[j0 + t], 0) * iv;
                            vals[t * rows + v] = x;
                            double m = cMax[t];
                            cMax[t] = x > m ? x : m;
                        }
                    }
                } else if (hasRow[i]) {
                    double[] r = ws.w[i];
                    for (int t = 0; t < jb; t++) {
                        vals[t * rows + v] = r[j0 + t];
                    }
                    if (v < k) { // voters: the column maximum bounds the quantile's buckets (scores are ≥ 0)
                        if (v == 0) {
                            System.arraycopy(r, j0, cMax, 0, jb);
                        } else {
                            for (int t = 0; t < jb; t++) {
                                double x = r[j0 + t];
                                double m = cMax[t];
                                cMax[t] = x > m ? x : m;
                            }
                        }
                    }
                } else {
                    if (v == 0) {
                        Arrays.fill(cMax, 0, jb, 0.0);
                    }
                    for (int t = 0; t < jb; t++) {
                        vals[t * rows + v] = 0;
                    }
                }
            }
            for (int t = 0; t < jb; t++) {
                int j = j0 + t;
                int off = t * rows;
                double c;
                if (knownConsensus != null) {
                    c = knownConsensus[j];
                } else if (k > 0) {
                    c = WeightedQuantile.selectColumn(vals, off, k, s, minority, 0.0, cMax[t], ws.bucketW, ws.bucketOf,
                            ws.candVals, ws.candWts);
                } else {
                    c = 0;
                }
                consensus[j] = c;
                // scores are ≥ 0 and so is c: min(x, c) is the clipped weight. Four partial sums per reduction
                // (rows v ≡ 0, 1, 2, 3 mod 4, then added in that order) so the adds do not wait on each other.
                double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
                double w0 = 0, w1 = 0, w2 = 0, w3 = 0;
                int v = 0;
                int end4 = rows & ~3;
                if (betaMode == 1) {
                    for (; v < end4; v += 4) {
                        double c0 = Math.min(vals[off + v], c);
                        double c1 = Math.min(vals[off + v + 1], c);
                        double c2 = Math.min(vals[off + v + 2], c);
                        double c3 = Math.min(vals[off + v + 3], c);
                        vt[v] += c0;
                        vt[v + 1] += c1;
                        vt[v + 2] += c2;
                        vt[v + 3] += c3;
                        r0 += sa[v] * c0;
                        r1 += sa[v + 1] * c1;
                        r2 += sa[v + 2] * c2;
                        r3 += sa[v + 3] * c3;
                        w0 += c0;
                        w1 += c1;
                        w2 += c2;
                        w3 += c3;
                    }
                }
                for (; v < rows; v++) {
                    double x = vals[off + v];
                    double wc = Math.min(x, c);
                    vt[v] += wc;
                    r0 += sa[v] * wc;
                    w0 += betaMode == 1 ? wc : betaMode == 0 ? x : x + beta * (wc - x);
                }
                double r = ((r0 + r1) + r2) + r3;
                double wbs = ((w0 + w1) + w2) + w3;
                ranks[j] = r;
                wbSum[j] = wbs;
            }
        }
        for (int v = 0; v < rows; v++) {
            int i = list[v];
            if (hasRow[i]) {
                validatorTrust[i] = vt[v];
            }
        }
    }

    /**
     * Columns {@code j0 .. j0+jb} of the double rows into the column-major block ({@code vals[t·rows + v]}), four
     * rows at a time so that each column gets four adjacent stores per pass. (The voters' column maximum was
     * gathered by the row pass, {@code ws.colMax}, with the minimum, {@code ws.colMin}.)
     */
    private static void transposeDoubleRows(int j0, int jb, int rows, int[] list, YumaWorkspace ws) {
        double[] vals = ws.colVals;
        boolean[] hasRow = ws.hasRow;
        double[] zeros = ws.zeroDoubles;
        int v = 0;
        for (int end4 = rows & ~3; v < end4; v += 4) {
            double[] a0 = hasRow[list[v]] ? ws.w[list[v]] : zeros;
            double[] a1 = hasRow[list[v + 1]] ? ws.w[list[v + 1]] : zeros;
            double[] a2 = hasRow[list[v + 2]] ? ws.w[list[v + 2]] : zeros;
            double[] a3 = hasRow[list[v + 3]] ? ws.w[list[v + 3]] : zeros;
            for (int t = 0; t < jb; t++) {
                int o = t * rows + v;
                vals[o] = a0[j0 + t];
                vals[o + 1] = a1[j0 + t];
                vals[o + 2] = a2[j0 + t];
                vals[o + 3] = a3[j0 + t];
            }
        }
        for (; v < rows; v++) {
            double[] a = hasRow[list[v]] ? ws.w[list[v]] : zeros;
            for (int t = 0; t < jb; t++) {
                vals[t * rows + v] = a[j0 + t];
            }
        }
    }

    /**
     * For double rows and β = 1 (Wb = min(W, C)), one column block: the κ-quantile of every column of the block,
     * then validator trust column-major ({@code vt[v] += min(W_vj, C_j)}, independent over v, so C2 vectorises
     * it). The column is first copied to a scratch that starts at index 0: C2 on JDK 17 vectorises a loop over
     * two arrays it cannot tell apart only when both are indexed alike ({@code a[v]}, {@code b[v]}), not
     * {@code a[v]}, {@code b[off + v]}. Trust adds the columns in order, as the per-column loop of the int-row
     * path does, so the results are bit-identical to it.
     */
    private void consensusAndTrustBlock(int j0, int jb, int rows, int k, double[] s, double minority,
                                        double[] knownConsensus, YumaWorkspace ws, double[] consensus,
                                        double[] ranks, double[] wbSum) {
        double[] vals = ws.colVals;
        double[] colMax = ws.colMax;
        double[] colMin = ws.colMin;
        double[] cb = ws.blockC;
        for (int t = 0; t < jb; t++) {
            double c;
            if (knownConsensus != null) {
                c = knownConsensus[j0 + t];
            } else if (k > 0) {
                c = WeightedQuantile.selectColumn(vals, t * rows, k, s, minority, colMin[j0 + t], colMax[j0 + t], ws.bucketW,
                        ws.bucketOf, ws.candVals, ws.candWts);
            } else {
                c = 0;
            }
            cb[t] = c;
            consensus[j0 + t] = c;
        }
        double[] vt = ws.rowTrust;
        double[] col = ws.colCopy;
        double[] sa = ws.rowStake;
        for (int t = 0; t < jb; t++) {
            System.arraycopy(vals, t * rows, col, 0, rows);
            double c = cb[t];
            for (int v = 0; v < rows; v++) {
                vt[v] += Math.min(col[v], c);
            }
            if (ranks != null) {
                // the same sums in the same order as ranksDoubleRows: partial sums by v mod 4 (rows after the
                // last multiple of four into the first), added in that order
                double r0 = 0, r1 = 0, r2 = 0, r3 = 0;
                double w0 = 0, w1 = 0, w2 = 0, w3 = 0;
                int v = 0;
                for (int end4 = rows & ~3; v < end4; v += 4) {
                    double c0 = Math.min(col[v], c);
                    double c1 = Math.min(col[v + 1], c);
                    double c2 = Math.min(col[v + 2], c);
                    double c3 = Math.min(col[v + 3], c);
                    r0 += sa[v] * c0;
                    r1 += sa[v + 1] * c1;
                    r2 += sa[v + 2] * c2;
                    r3 += sa[v + 3] * c3;
                    w0 += c0;
                    w1 += c1;
                    w2 += c2;
                    w3 += c3;
                }
                for (; v < rows; v++) {
                    double x = Math.min(col[v], c);
                    r0 += sa[v] * x;
                    w0 += x;
                }
                ranks[j0 + t] = ((r0 + r1) + r2) + r3;
                wbSum[j0 + t] = ((w0 + w1) + w2) + w3;
            }
        }
    }

    /**
     * For double rows and β = 1, after the consensus of every column is known: ranks {@code R_j = Σ_i S_i·min(W_ij,
     * C_j)} and {@code Σ_i Wb_ij} row by row over whole rows, into four partial-sum arrays by row (v ≡ 0, 1, 2, 3
     * mod 4; the rows after the last multiple of four go to the first), added in that order — every sum is added
     * in exactly the order of the int-row path's per-column loop, so the results are bit-identical to it. Whole
     * rows, with every array indexed by j, are what C2 vectorises (see {@link #consensusAndTrustBlock}).
     */
    private static void ranksDoubleRows(int n, int rows, int[] list, YumaWorkspace ws, double[] consensus,
                                        double[] ranks, double[] wbSum) {
        double[][] rankAcc = ws.rankAcc;
        double[][] wbAcc = ws.wbAcc;
        for (int p = 0; p < 4; p++) {
            Arrays.fill(rankAcc[p], 0, n, 0.0);
            Arrays.fill(wbAcc[p], 0, n, 0.0);
        }
        double[] sa = ws.rowStake;
        int end4 = rows & ~3;
        for (int v = 0; v < rows; v++) {
            int i = list[v];
            if (!ws.hasRow[i]) {
                continue; // an all-zero row adds only +0.0
            }
            int p = v < end4 ? v & 3 : 0;
            double[] ra = rankAcc[p];
            double[] wa = wbAcc[p];
            double[] r = ws.w[i];
            double sv = sa[v];
            for (int j = 0; j < n; j++) {
                double x = Math.min(r[j], consensus[j]);
                ra[j] += sv * x;
                wa[j] += x;
            }
        }
        double[] r0 = rankAcc[0], r1 = rankAcc[1], r2 = rankAcc[2], r3 = rankAcc[3];
        double[] w0 = wbAcc[0], w1 = wbAcc[1], w2 = wbAcc[2], w3 = wbAcc[3];
        for (int j = 0; j < n; j++) {
            ranks[j] = ((r0[j] + r1[j]) + r2[j]) + r3[j];
            wbSum[j] = ((w0[j] + w1[j]) + w2[j]) + w3[j];
        }
    }

    /** Double rows of W (absent or masked entries −1) for the bond paths that read W entry by entry. */
    private static void materializeW(int n, YumaWorkspace ws) {
        maskPendingRows(n, ws);
        for (int i = 0; i < n; i++) {
            if (!ws.hasRow[i]) {
                continue;
            }
            int[] s = ws.src[i];
            double iv = ws.inv[i];
            double[] row = ws.wRow(i);
            for (int j = 0; j < n; j++) {
                int v = s[j];
                row[j] = v >= 0 ? v * iv : -1.0;
            }
        }
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
     * §5.10b(ii) Yuma 3 with the fixed α, fused: {@code EMA = α·Wb + (1−α)·B} is computed, floored to u16, and
     * weighed into the row's dividend in one pass per row, without storing the EMA. Its column sums, needed
     * first for {@code colnorm(EMA)}, follow from sums already known: {@code α·Σ_i Wb_ij + (1−α)·Σ_i B_ij}.
     */
    private double[] yuma3FixedAlphaBonds(YumaInputs in, YumaWorkspace ws, double[][] wRows, double[] consensus,
                                          double[] activeStake, double[] incentive, boolean[] newPermits,
                                          double[][] bondsOut, double[][] bondsFixed) {
        final int n = in.n();
        boolean[] hasRow = ws.hasRow;
        double[][] bonds = in.bondsBefore();
        double[] wbSum = ws.colSumA;
        double[] bScale = ws.colSumB;
        for (int j = 0; j < n; j++) {
            bScale[j] = ws.colMasked[j] ? 0.0 : INV_U16;
        }
        // column sums of the stored bonds: whole numbers below 2^53, so the double sums are exact in any order
        double[] bSum = ws.bondColSum;
        Arrays.fill(bSum, 0, n, 0.0);
        for (int i = 0; i < n; i++) {
            double[] br = bonds[i];
            if (br != null) {
                for (int j = 0; j < n; j++) {
                    bSum[j] += br[j];
                }
            }
        }
        final double a = emaAlpha;
        final double keep = 1.0 - a;
        double[] scale = ws.colScale;
        for (int j = 0; j < n; j++) {
            double colSum = a * wbSum[j] + keep * (bSum[j] * bScale[j]);
            scale[j] = colSum > 0 ? incentive[j] / colSum : 0;
        }
        double[] caps = ws.colSumC; // β = 0: Wb = W; β = 1: Wb = min(W, C)
        for (int j = 0; j < n; j++) {
            caps[j] = betaMode == 0 ? Double.POSITIVE_INFINITY : consensus[j];
        }
        int[] zeros = ws.zeroRow;
        double[] zeroBonds = ws.zeroDoubles;
        double[] sink = ws.bondScratch;
        if (bondsFixed != null || betaMode == 2) { // these read the int rows
            maskPendingRows(n, ws);
        }
        double[] dividends = new double[n];
        for (int i = 0; i < n; i++) {
            double[] br = bonds[i];
            boolean hr = hasRow[i];
            boolean store = newPermits[i];
            boolean pays = activeStake[i] > 0;
            if (!(hr || br != null) || !(store || pays || bondsFixed != null)) {
                if (store) {
                    bondsOut[i] = ws.bondRow(n, true);
                    if (bondsFixed != null) {
                        bondsFixed[i] = new double[n];
                    }
                }
                continue;
            }
            // w and iv are read only without double rows, with bondsFixed or 0 < β < 1, never when wRows is a carry's
            int[] w = hr ? ws.src[i] : zeros;
            double iv = hr ? ws.inv[i] : 0.0;
            double[] wd = !ws.doubleRows ? null : hr ? wRows[i] : ws.zeroDoubles;
            double[] b = br != null ? br : zeroBonds;
            double[] out = store ? ws.bondRow(n, false) : sink;
            double tb = 0;
            if (bondsFixed != null) {
                double[] fixed = new double[n];
                for (int j = 0; j < n; j++) {
                    double x = Math.max(w[j], 0) * iv;
                    double wb = betaMode == 2 ? x + beta * (Math.min(x, consensus[j]) - x) : Math.min(x, caps[j]);
                    double e = a * wb + keep * (b[j] * bScale[j]);
                    fixed[j] = e;
                    tb += e * scale[j];
                    out[j] = Math.floor(e * 65535.0);
                }
                if (store) {
                    bondsFixed[i] = fixed;
                }
            } else if (betaMode != 2 && wd == null) {
                // large W, one fused pass over the stored row; four partial sums (j ≡ 0, 1, 2, 3 mod 4) so the
                // adds of the dividend do not wait on each other
                double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
                int j = 0;
                for (int end4 = n & ~3; j < end4; j += 4) {
                    double e0 = a * Math.min(Math.max(w[j], 0) * iv, caps[j]) + keep * (b[j] * bScale[j]);
                    double e1 = a * Math.min(Math.max(w[j + 1], 0) * iv, caps[j + 1]) + keep * (b[j + 1] * bScale[j + 1]);
                    double e2 = a * Math.min(Math.max(w[j + 2], 0) * iv, caps[j + 2]) + keep * (b[j + 2] * bScale[j + 2]);
                    double e3 = a * Math.min(Math.max(w[j + 3], 0) * iv, caps[j + 3]) + keep * (b[j + 3] * bScale[j + 3]);
                    t0 += e0 * scale[j];
                    t1 += e1 * scale[j + 1];
                    t2 += e2 * scale[j + 2];
                    t3 += e3 * scale[j + 3];
                    out[j] = Math.floor(e0 * 65535.0);
                    out[j + 1] = Math.floor(e1 * 65535.0);
                    out[j + 2] = Math.floor(e2 * 65535.0);
                    out[j + 3] = Math.floor(e3 * 65535.0);
                }
                for (; j < n; j++) {
                    double e = a * Math.min(Math.max(w[j], 0) * iv, caps[j]) + keep * (b[j] * bScale[j]);
                    t0 += e * scale[j];
                    out[j] = Math.floor(e * 65535.0);
                }
                tb = ((t0 + t1) + t2) + t3;
            } else if (betaMode != 2) {
                // small W (double rows): two simple loops rather than one: the EMA row with its u16 floor
                // (Math.floor on doubles is a SIMD round) and the dividend's terms, which C2 vectorises, then the
                // dividend's sum with four partial sums (j ≡ 0, 1, 2, 3 mod 4, so the adds do not wait on each other)
                double[] e = ws.emaScratch; // the dividend's terms EMA_ij · scale_j
                if (store) {
                    for (int j = 0; j < n; j++) {
                        double x = a * Math.min(wd[j], caps[j]) + keep * (b[j] * bScale[j]);
                        e[j] = x * scale[j];
                        out[j] = Math.floor(x * 65535.0);
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        e[j] = (a * Math.min(wd[j], caps[j]) + keep * (b[j] * bScale[j])) * scale[j];
                    }
                }
                double t0 = 0, t1 = 0, t2 = 0, t3 = 0;
                int j = 0;
                for (int end4 = n & ~3; j < end4; j += 4) {
                    t0 += e[j];
                    t1 += e[j + 1];
                    t2 += e[j + 2];
                    t3 += e[j + 3];
                }
                for (; j < n; j++) {
                    t0 += e[j];
                }
                tb = ((t0 + t1) + t2) + t3;
            } else {
                double bt = beta;
                for (int j = 0; j < n; j++) {
                    double x = Math.max(w[j], 0) * iv;
                    double wb = x + bt * (Math.min(x, consensus[j]) - x);
                    double e = a * wb + keep * (b[j] * bScale[j]);
                    tb += e * scale[j];
                    out[j] = Math.floor(e * 65535.0);
                }
            }
            if (store) {
                bondsOut[i] = out;
            }
            dividends[i] = pays ? tb * activeStake[i] : 0;
        }
        return normalized(dividends);
    }

    /**
     * §5.10b(i) Yuma 3 with liquid alpha: per-pair α, absent weight entries drop their bond (§5.10b(iii)). Wb clips
     * by {@code consensus}; the sigmoid reads {@code alphaConsensus} (the same, or the previous epoch's in Auto mode).
     */
    private double[] yuma3LiquidBonds(YumaInputs in, YumaWorkspace ws, double[] consensus, double[] alphaConsensus,
                                      boolean[] newPermits,
                                      double[] activeStake, double[] incentive, double[][] bondsOut,
                                      double[][] bondsFixed) {
        final int n = in.n();
        boolean[] hasRow = ws.hasRow;
        boolean[] hasEma = ws.hasEma;
        double[] colSum = ws.colSumA;
        Arrays.fill(colSum, 0, n, 0.0);
        double[] bScale = ws.colSumB;
        for (int j = 0; j < n; j++) {
            bScale[j] = ws.colMasked[j] ? 0.0 : INV_U16;
        }
        double[] zeros = ws.zeroDoubles;
        for (int i = 0; i < n; i++) {
            hasEma[i] = hasRow[i];
            if (!hasEma[i]) {
                continue;
            }
            double[] brRaw = in.bondsBefore()[i];
            double[] br = brRaw != null ? brRaw : zeros;
            double[] e = ws.emaRow(i);
            double[] row = ws.w[i];
            for (int j = 0; j < n; j++) {
                double wb = weightForBonds(row[j], consensus[j]);
                double v = 0; // absent entry: sparse artefact §5.10b(iii) drops the bond
                if (wb >= 0) {
                    double b = br[j] * bScale[j];
                    double aij = liquidAlpha(alphaConsensus[j], wb, b);
                    v = Math.min(1.0, (1 - aij) * b + Math.max(0, aij * wb));
                }
                e[j] = v;
                colSum[j] += v;
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
            double[] out = store ? ws.bondRow(n, true) : null;
            if (hasEma[i] && (store || pays)) {
                double[] e = ws.ema[i];
                double tb = 0;
                for (int j = 0; j < n; j++) {
                    double x = e[j];
                    tb += x * scale[j];
                    if (store) {
                        out[j] = Math.floor(x * 65535.0);
                    }
                }
                if (store && bondsFixed != null) {
                    bondsFixed[i] = Arrays.copyOf(e, n);
                }
                dividends[i] = pays ? tb * activeStake[i] : 0;
            }
            if (store) {
                bondsOut[i] = out;
                if (bondsFixed != null && bondsFixed[i] == null) {
                    bondsFixed[i] = new double[n];
                }
            }
        }
        return normalized(dividends);
    }

    /** §5.10a original Yuma: column-normalized bonds, EMA renormalized, stored column-max-upscaled. */
    private double[] yuma1Bonds(YumaInputs in, YumaWorkspace ws, double[] consensus, double[] activeStake,
                                double[] incentive, boolean[] newPermits, double[][] bondsOut, double[][] bondsFixed) {
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
            double[] br = in.bondsBefore()[i];
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
            double[] br = in.bondsBefore()[i];
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
            double[] out = ws.bondRow(n, true);
            double[] fixed = bondsFixed != null ? new double[n] : null;
            if (hasEma[i]) {
                double[] e = ws.ema[i];
                for (int j = 0; j < n; j++) {
                    double up = colMax[j] > 0 ? e[j] / colMax[j] : 0;
                    out[j] = Math.floor(up * 65535.0);
                    if (fixed != null) {
                        fixed[j] = up;
                    }
                }
            }
            bondsOut[i] = out;
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
        int nonZero = 0;
        for (int i = 0; i < n; i++) {
            nonZero += stakeNorm[i] > 0 ? 1 : 0;
        }
        if (n <= k || nonZero <= k) { // zero stakes sort first and never win: every non-zero stake is in the top k
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

    /** {@code floor(fraction·rao)}: fraction ≥ 0 here, and the cast truncates toward 0, so no Math.floor is needed. */
    private static long toRao(double fraction, long rao) {
        return (long) (fraction * rao);
    }
}
