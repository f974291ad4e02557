package io.incentivelab.simulation;

import io.incentivelab.simulation.scenario.CurveType;
import io.incentivelab.simulation.scenario.RewardCurveSpec;

import java.util.Arrays;

/**
 * Reward curves (model.md §5): a validator's scores s_j ≥ 0 → weights, then the chain's u16 form.
 * Scores are divided by the best score first (x = s / max s), so parameters are relative:
 * PROPORTIONAL w = x; POWER w = x^α; SOFTMAX w = exp((x − 1)/τ) (= exp((s − max s)/τ) in relative units);
 * TOP_K w = 1 for the k best positive scores; WINNER_TAKE_ALL w = 1 for the best; RANK_DECAY w = d^rank
 * over positive scores (rank 0 = best); THRESHOLD w = x where x ≥ θ. Ties rank the lower UID first.
 * Quantisation follows the SDK's {@code convert_weights_and_uids_for_emit} (round(w / max w · 65535)), which
 * is already max-upscaled as {@code set_weights} stores it. exp and pow are {@link StrictMath}'s, so weights
 * are the same on every JVM and CPU.
 */
final class RewardCurves {

    private final RewardCurveSpec spec;
    private final long[] keys;

    RewardCurves(RewardCurveSpec spec, int m) {
        this.spec = spec;
        this.keys = new long[m];
    }

    /** Writes the weights of {@code s[0..m)} into {@code w[0..m)}; all zero if no score is positive. */
    void weights(double[] s, int m, double[] w) {
        double max = 0;
        int best = -1;
        for (int j = 0; j < m; j++) {
            if (s[j] > max) {
                max = s[j];
                best = j;
            }
        }
        Arrays.fill(w, 0, m, 0.0);
        if (best < 0) {
            return;
        }
        double inv = 1 / max;
        switch (spec.type()) {
            case PROPORTIONAL -> {
                for (int j = 0; j < m; j++) {
                    w[j] = s[j] * inv;
                }
            }
            case POWER -> {
                double a = spec.alpha();
                for (int j = 0; j < m; j++) {
                    double x = s[j] * inv;
                    w[j] = a == 2 ? x * x : StrictMath.pow(x, a);
                }
            }
            case SOFTMAX -> {
                double invTau = 1 / spec.tau();
                for (int j = 0; j < m; j++) {
                    w[j] = StrictMath.exp((s[j] * inv - 1) * invTau);
                }
            }
            case WINNER_TAKE_ALL -> w[best] = 1;
            case THRESHOLD -> {
                double theta = spec.theta();
                for (int j = 0; j < m; j++) {
                    double x = s[j] * inv;
                    w[j] = x >= theta ? x : 0;
                }
            }
            case TOP_K -> {
                int count = ranked(s, m);
                for (int r = 0; r < Math.min(spec.k(), count); r++) {
                    w[indexOf(r, m)] = 1;
                }
            }
            case RANK_DECAY -> {
                int count = ranked(s, m);
                double d = spec.decay();
                double v = 1;
                for (int r = 0; r < count && v > 1e-9; r++) {
                    w[indexOf(r, m)] = v;
                    v *= d;
                }
            }
            default -> throw new IllegalStateException("unknown curve " + spec.type());
        }
    }

    /** Sorts the positive scores (as float bits, ties by lower index) and returns how many there are. */
    private int ranked(double[] s, int m) {
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (s[j] > 0) {
                count++;
            }
            keys[j] = ((long) Float.floatToIntBits((float) s[j]) << 32) | (0xFFFFFFFFL - j);
        }
        Arrays.sort(keys, 0, m);
        return count;
    }

    /** The index with rank r (0 = best) after {@link #ranked}. */
    private int indexOf(int r, int m) {
        return (int) (0xFFFFFFFFL - (keys[m - 1 - r] & 0xFFFFFFFFL));
    }

    /** True for PROPORTIONAL, whose u16 weights are {@link #quantise} of the scores themselves (no weights pass). */
    boolean proportional() {
        return spec.type() == CurveType.PROPORTIONAL;
    }

    /** round(w / max w · 65535) into {@code row[offset + j]}; all 0 when every weight is 0. */
    static void quantise(double[] w, int m, int[] row, int offset) {
        double max = 0;
        for (int j = 0; j < m; j++) {
            if (w[j] > max) {
                max = w[j];
            }
        }
        quantise(w, m, max, row, offset);
    }

    /** {@link #quantise(double[], int, int[], int)} when the caller already knows {@code max} = max w (≥ 0). */
    static void quantise(double[] w, int m, double max, int[] row, int offset) {
        if (!(max > 0)) {
            Arrays.fill(row, offset, offset + m, 0);
            return;
        }
        double scale = 65535 / max;
        for (int j = 0; j < m; j++) {
            // Math.round for x in [0, 65535]: floor(x + ½). x + ½ is exact for x ≥ ½ (½ is a multiple of x's
            // ulp, and a carry into the next binade cannot reach the next integer); below ½ it may round up
            // to 1 (x = 0.49999999999999994), so those are 0
            double x = w[j] * scale;
            row[offset + j] = x < 0.5 ? 0 : (int) (x + 0.5);
        }
    }
}
