package io.incentivelab.simulation.yuma;

/**
 * Everything one epoch produces (yuma.md §5.11–§5.12), named like the conformance cases' {@code expected}.
 * Fractions are doubles in [0, 1]; the {@code *U16()} methods give the stored values {@code floor(x·65535)}; {@code *Rao} are
 * {@code floor(fraction · raoEmission)}.
 *
 * @param active               not past the activity cutoff
 * @param newValidatorPermits  permits for the next epoch (top-k by stake, owner always)
 * @param stakeNormalized      S, stake normalized (I32F32-truncated)
 * @param activeStake          S_act, stake of active, (previously) permitted uids, normalized
 * @param consensus            C_j, the stake-weighted κ-quantile of column j
 * @param validatorTrust       VT_i = Σ_j min(W_ij, C_j)
 * @param ranks                R_j = Σ_i S_act_i · min(W_ij, C_j), not normalized
 * @param incentive            I = R / ΣR
 * @param dividends            D, normalized
 * @param bonds                stored bonds after the epoch, u16 values held as doubles (whole numbers in [0, 65535], the
 *                             form {@link YumaInputs#bondsBefore()} takes); row i is {@code null} unless
 *                             {@code newValidatorPermits[i]}; {@link #bondsU16()} gives them as integers
 * @param bondsFixed           the pre-storage bond values (original Yuma: column max-upscaled EMA; Yuma 3: EMA) for the
 *                             rows of {@code bonds}, or {@code null} when not requested
 */
public record YumaResult(boolean[] active, boolean[] newValidatorPermits, double[] stakeNormalized,
                         double[] activeStake, double[] consensus, double[] validatorTrust, double[] ranks,
                         double[] incentive, double[] dividends, long[] serverEmissionRao,
                         long[] validatorEmissionRao, long[] emissionRao, double[][] bonds, double[][] bondsFixed) {

    /** S as stored: {@code floor(S·65535)} (computed on each call, so read it once). */
    public int[] stakeWeightU16() {
        return u16(stakeNormalized);
    }

    /** C as stored (computed on each call). */
    public int[] consensusU16() {
        return u16(consensus);
    }

    /** VT as stored (computed on each call). */
    public int[] validatorTrustU16() {
        return u16(validatorTrust);
    }

    /** I as stored (computed on each call). */
    public int[] incentiveU16() {
        return u16(incentive);
    }

    /** D as stored (computed on each call). */
    public int[] dividendsU16() {
        return u16(dividends);
    }

    /** {@code min(65535, floor(x·65535))} per entry. */
    static int[] u16(double[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (int) Math.min(65535.0, Math.floor(x[i] * 65535.0));
        }
        return out;
    }

    /** The stored bonds as u16 integers (a copy of {@link #bonds()}; {@code null} rows stay {@code null}). */
    public int[][] bondsU16() {
        int[][] out = new int[bonds.length][];
        for (int i = 0; i < bonds.length; i++) {
            double[] r = bonds[i];
            if (r != null) {
                int[] u = new int[r.length];
                for (int j = 0; j < r.length; j++) {
                    u[j] = (int) r[j];
                }
                out[i] = u;
            }
        }
        return out;
    }
}
