package io.incentivelab.simulation.market;

import java.util.Arrays;

/**
 * The market rules that divide block emission across subnets (economics.md §2b–§2e, "2026 mechanics";
 * subtensor {@code coinbase/subnet_emissions.rs}). Pure functions of arrays indexed by subnet; every result
 * is a vector of non-negative shares summing to 1 (or all zero when no subnet qualifies).
 *
 * <ul>
 * <li><b>Price demand</b> ({@link #priceDemand}): {@code s_i = p̄_i·(1 − b_i) / Σ_j p̄_j·(1 − b_j)} with b the
 * subnet's miner-burned fraction when the burn factor is on (PR #2781; dropped in #3057, restored in #3071),
 * falling back to plain price shares when the weighted sum is 0.</li>
 * <li><b>Gate</b> ({@link #gate}): {@code g(s) = 1/(1 + (θ/s)^h)}, ½ at the bar; g = 0 for s ≤ 0 and 1 for
 * θ ≤ 0. {@link #gated} renormalises {@code s·g(s)}. The bar is the N-th largest positive share
 * ({@link #barByRank}, spec 441+, N = 32) or the share at which the descending cumulative demand first
 * reaches q ({@link #barByQuantile}, spec 440, q = 0.61). With fewer than N positive shares the bar is the
 * smallest positive one (our reading; economics.md is silent).</li>
 * <li><b>Flow</b> ({@link #flowShares}, Taoflow Nov 2025 – Jun 2026): {@code L = max(cutoff, min(min_j S_j, 0))},
 * {@code z_i = max(S_i − L, 0)}, {@code share_i = z_i^p / Σ z_j^p}.</li>
 * </ul>
 */
public final class EmissionShares {

    /** Chain default of {@code EmissionBarRank}. */
    public static final int DEFAULT_BAR_RANK = 32;
    /** Chain default of {@code EmissionGateExponent}. */
    public static final double DEFAULT_GATE_EXPONENT = 3;
    /** Spec 440's {@code EmissionBarQuantile}. */
    public static final double DEFAULT_BAR_QUANTILE = 0.61;
    /** Blocks between recomputations of the bar. */
    public static final int BAR_INTERVAL_BLOCKS = 360;
    /** Per-block rate of the flow EMA: 29,597,889,189,277 / 2^63 (a 30-day half-life). */
    public static final double FLOW_EMA_RATE = 29_597_889_189_277.0 / 0x1.0p63;

    private EmissionShares() {
    }

    /**
     * @param movingPrice  p̄ per subnet, ≥ 0
     * @param minerBurned  b per subnet in [0, 1] (ignored when {@code burnFactor} is false)
     * @param burnFactor   whether the (1 − b) factor applies
     * @param out          receives the shares
     */
    public static void priceDemand(double[] movingPrice, double[] minerBurned, boolean burnFactor, double[] out) {
        double sum = 0;
        for (int i = 0; i < movingPrice.length; i++) {
            double b = burnFactor ? Math.max(0, Math.min(1, minerBurned[i])) : 0;
            out[i] = Math.max(0, movingPrice[i]) * (1 - b);
            sum += out[i];
        }
        if (!(sum > 0)) {
            sum = 0;
            for (int i = 0; i < movingPrice.length; i++) {
                out[i] = Math.max(0, movingPrice[i]);
                sum += out[i];
            }
        }
        normalise(out, sum);
    }

    /** The Hill gate {@code 1/(1 + (θ/s)^h)}. */
    public static double gate(double s, double theta, double h) {
        if (theta <= 0) {
            return 1;
        }
        if (s <= 0) {
            return 0;
        }
        return 1 / (1 + Math.pow(theta / s, h));
    }

    /** The N-th largest positive share (N ≥ 1); the smallest positive one if there are fewer; 0 if none. */
    public static double barByRank(double[] shares, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("bar rank must be >= 1: " + n);
        }
        double[] pos = Arrays.stream(shares).filter(s -> s > 0).sorted().toArray();
        if (pos.length == 0) {
            return 0;
        }
        return pos[Math.max(0, pos.length - n)];
    }

    /** The share at which the cumulative demand, largest first, first reaches q (in (0, 1]); 0 if none. */
    public static double barByQuantile(double[] shares, double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("bar quantile must be in (0, 1]: " + q);
        }
        double[] pos = Arrays.stream(shares).filter(s -> s > 0).sorted().toArray();
        double total = 0;
        for (double s : pos) {
            total += s;
        }
        double cum = 0;
        for (int i = pos.length - 1; i >= 0; i--) {
            cum += pos[i];
            if (cum >= q * total * (1 - 1e-12)) {
                return pos[i];
            }
        }
        return 0;
    }

    /** {@code e_i = s_i·g(s_i) / Σ s_j·g(s_j)} into out (shares unchanged if every product is 0). */
    public static void gated(double[] shares, double theta, double h, double[] out) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            out[i] = shares[i] * gate(shares[i], theta, h);
            sum += out[i];
        }
        if (!(sum > 0)) {
            System.arraycopy(shares, 0, out, 0, shares.length);
            return;
        }
        normalise(out, sum);
    }

    /**
     * @param flowEma  S per subnet (TAO per block, may be negative)
     * @param cutoff   {@code TaoFlowCutoff} (chain 0)
     * @param exponent {@code FlowNormExponent} p &gt; 0 (chain 1)
     */
    public static void flowShares(double[] flowEma, double cutoff, double exponent, double[] out) {
        double min = 0;
        for (double s : flowEma) {
            min = Math.min(min, s);
        }
        double l = Math.max(cutoff, min);
        double sum = 0;
        for (int i = 0; i < flowEma.length; i++) {
            double z = Math.max(flowEma[i] - l, 0);
            out[i] = exponent == 1 ? z : Math.pow(z, exponent);
            sum += out[i];
        }
        normalise(out, sum);
    }

    /** One block of the flow EMA: {@code S ← (1 − f)·S + f·flow}. */
    public static double flowEmaStep(double ema, double flow, double rate) {
        return (1 - rate) * ema + rate * flow;
    }

    /** Herfindahl–Hirschman index Σ s² of shares that sum to 1 (or 0). */
    public static double hhi(double[] shares) {
        double h = 0;
        for (double s : shares) {
            h += s * s;
        }
        return h;
    }

    private static void normalise(double[] out, double sum) {
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? out[i] / sum : 0;
        }
    }
}
