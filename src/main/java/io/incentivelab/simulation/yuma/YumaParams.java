package io.incentivelab.simulation.yuma;

/**
 * Hyperparameters of one subnet's Yuma Consensus (yuma.md §9), raw chain values.
 *
 * @param kappaU16                  consensus quantile κ as u16 (κ = kappaU16/65535; default 32767 = 0.4999924)
 * @param bondsMovingAverage        EMA memory in parts per million (α = 1 − I32F32(bma/1e6); default 900 000 → α ≈ 0.1)
 * @param bondsPenaltyU16           β as u16 (β = u/65535; 65535 = bonds from clipped weights)
 * @param yuma3                     {@code Yuma3On}: Yuma 3 bonds and dividends (§5.10b) instead of original Yuma (§5.10a)
 * @param liquidAlpha               {@code LiquidAlphaOn}: per-pair sigmoid α; only used with Yuma 3
 * @param alphaLowU16               liquid-alpha lower bound as u16 (default 45875 = 0.7)
 * @param alphaHighU16              liquid-alpha upper bound as u16 (default 58982 = 0.9)
 * @param alphaSigmoidSteepness     raw steepness; the sigmoid uses steepness/100 (default 1000 → 10)
 * @param maxAllowedValidators      k of the top-k validator permits
 * @param activityCutoffBlocks      blocks after {@code last_update} a validator stays active (§5.1); see {@link #activityCutoffBlocks(long, long)}
 * @param stakeThreshold            stake (rao) below which a uid's stake counts as 0 (owner exempt)
 * @param ownerUid                  the subnet owner's uid (always permitted, self-weight kept), or −1 for none
 * @param tempo                     blocks per epoch (used for {@code last_tempo} when no mechanism step was recorded)
 * @param commitReveal              {@code CommitRevealWeightsEnabled}: mask {@code w_ij} when i's earliest unexpired
 *                                  commit is older than j's registration (§5.5 step 4, needs
 *                                  {@link YumaInputs#earliestCommitBlock()})
 * @param liquidAlphaAuto           liquid alpha's consensus mode {@code Auto} of the chain's 2026 release (Liquid Alpha
 *                                  2.1, release 446): with β = 1 the sigmoid reads the previous epoch's consensus
 *                                  ({@link YumaInputs#consensusBefore()}) instead of the current one; with any other β,
 *                                  or off, the current consensus as in §5.10b(i)
 */
public record YumaParams(int kappaU16, long bondsMovingAverage, int bondsPenaltyU16, boolean yuma3, boolean liquidAlpha,
                         int alphaLowU16, int alphaHighU16, int alphaSigmoidSteepness, int maxAllowedValidators,
                         long activityCutoffBlocks, long stakeThreshold, int ownerUid, long tempo, boolean commitReveal,
                         boolean liquidAlphaAuto) {

    public YumaParams {
        checkU16("kappaU16", kappaU16);
        checkU16("bondsPenaltyU16", bondsPenaltyU16);
        checkU16("alphaLowU16", alphaLowU16);
        checkU16("alphaHighU16", alphaHighU16);
        if (bondsMovingAverage < 0 || bondsMovingAverage > 1_000_000) {
            throw new IllegalArgumentException("bondsMovingAverage must be in [0, 1000000]: " + bondsMovingAverage);
        }
        if (maxAllowedValidators < 0) {
            throw new IllegalArgumentException("maxAllowedValidators must be >= 0: " + maxAllowedValidators);
        }
        if (activityCutoffBlocks < 0 || stakeThreshold < 0 || tempo < 0) {
            throw new IllegalArgumentException("activityCutoffBlocks, stakeThreshold and tempo must be >= 0");
        }
        if (ownerUid < -1) {
            throw new IllegalArgumentException("ownerUid must be >= -1: " + ownerUid);
        }
    }

    /** Parameters with liquid alpha, when on, reading the current consensus (§5.10b(i)). */
    public YumaParams(int kappaU16, long bondsMovingAverage, int bondsPenaltyU16, boolean yuma3, boolean liquidAlpha,
                      int alphaLowU16, int alphaHighU16, int alphaSigmoidSteepness, int maxAllowedValidators,
                      long activityCutoffBlocks, long stakeThreshold, int ownerUid, long tempo, boolean commitReveal) {
        this(kappaU16, bondsMovingAverage, bondsPenaltyU16, yuma3, liquidAlpha, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, maxAllowedValidators, activityCutoffBlocks, stakeThreshold, ownerUid, tempo,
                commitReveal, false);
    }

    /** Parameters with commit-reveal off (the weights the epoch reads are all revealed and current). */
    public YumaParams(int kappaU16, long bondsMovingAverage, int bondsPenaltyU16, boolean yuma3, boolean liquidAlpha,
                      int alphaLowU16, int alphaHighU16, int alphaSigmoidSteepness, int maxAllowedValidators,
                      long activityCutoffBlocks, long stakeThreshold, int ownerUid, long tempo) {
        this(kappaU16, bondsMovingAverage, bondsPenaltyU16, yuma3, liquidAlpha, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, maxAllowedValidators, activityCutoffBlocks, stakeThreshold, ownerUid, tempo, false);
    }

    /** The defaults {@code init_new_network} gives a new subnet (yuma.md §9): Yuma 3 on, liquid alpha off, 64 permits, tempo 360. */
    public static YumaParams newSubnetDefaults() {
        return new YumaParams(32767, 900_000, 65535, true, false, 45875, 58982, 1000, 64,
                activityCutoffBlocks(13_889, 360), 0, -1, 360);
    }

    /**
     * {@code max(1, factorMilli·tempo/1000)} (misc.rs l.614).
     *
     * @param factorMilli {@code ActivityCutoffFactorMilli} (default 13 889)
     * @param tempo       blocks per epoch
     * @return the activity cutoff in blocks
     */
    public static long activityCutoffBlocks(long factorMilli, long tempo) {
        return Math.max(1, factorMilli * tempo / 1000);
    }

    /** κ as a fraction, {@code kappaU16/65535}. */
    public double kappa() {
        return kappaU16 / 65535.0;
    }

    /** β as a fraction, {@code bondsPenaltyU16/65535}. */
    public double bondsPenalty() {
        return bondsPenaltyU16 / 65535.0;
    }

    /** The fixed bond EMA rate {@code 1 − I32F32(bma/1e6)} (the I64F64 ratio truncated to 32 fractional bits). */
    public double bondEmaAlpha() {
        double ratio = Math.floor(bondsMovingAverage / 1e6 * 4294967296.0) / 4294967296.0;
        return 1.0 - ratio;
    }

    public YumaParams withYuma3(boolean on, boolean liquid) {
        return new YumaParams(kappaU16, bondsMovingAverage, bondsPenaltyU16, on, liquid, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, maxAllowedValidators, activityCutoffBlocks, stakeThreshold, ownerUid, tempo,
                commitReveal, liquidAlphaAuto);
    }

    public YumaParams withLiquidAlphaAuto(boolean on) {
        return new YumaParams(kappaU16, bondsMovingAverage, bondsPenaltyU16, yuma3, liquidAlpha, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, maxAllowedValidators, activityCutoffBlocks, stakeThreshold, ownerUid, tempo,
                commitReveal, on);
    }

    /** Whether liquid alpha's sigmoid reads the previous epoch's consensus: {@code Auto} mode with β = 1. */
    public boolean liquidAlphaReadsPreviousConsensus() {
        return liquidAlphaAuto && bondsPenaltyU16 == 65535;
    }

    public YumaParams withMaxAllowedValidators(int k) {
        return new YumaParams(kappaU16, bondsMovingAverage, bondsPenaltyU16, yuma3, liquidAlpha, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, k, activityCutoffBlocks, stakeThreshold, ownerUid, tempo, commitReveal,
                liquidAlphaAuto);
    }

    public YumaParams withCommitReveal(boolean on) {
        return new YumaParams(kappaU16, bondsMovingAverage, bondsPenaltyU16, yuma3, liquidAlpha, alphaLowU16, alphaHighU16,
                alphaSigmoidSteepness, maxAllowedValidators, activityCutoffBlocks, stakeThreshold, ownerUid, tempo, on,
                liquidAlphaAuto);
    }

    private static void checkU16(String name, int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException(name + " must be a u16 (0..65535): " + v);
        }
    }
}
