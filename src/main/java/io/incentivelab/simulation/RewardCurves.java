package io.incentivelab.simulation;

import io.incentivelab.simulation.model.CurveType;
import io.incentivelab.simulation.model.RewardCurveSpec;
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
    /** After {@link #ranked}: the indices, best first. */
    private int[] order;
    private int[] orderTmp;
    private int[] digits;
    private int[] digitsTmp;
    private final int[] counts = new int[4 * 257];
    /** TOP_K with k up to this selects the best k without ranking everything ({@link #topK}). */
    private static final int TOP_SELECT = 16;
    private final long[] top = new long[TOP_SELECT];

    RewardCurves(RewardCurveSpec spec, int m) {
        this.spec = spec;
        this.order = new int[m];
        this.orderTmp = new int[m];
        this.digits = new int[m];
        this.digitsTmp = new int[m];
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
        if (best < 0) {
            Arrays.fill(w, 0, m, 0.0);
            return;
        }
        double inv = 1 / max;
        switch (spec.type()) {
            case PROPORTIONAL, POWER, SOFTMAX, THRESHOLD -> elementwise(s, 0, m, inv, w);
            case WINNER_TAKE_ALL -> {
                Arrays.fill(w, 0, m, 0.0);
                w[best] = 1;
            }
            case TOP_K -> {
                Arrays.fill(w, 0, m, 0.0);
                if (spec.k() <= TOP_SELECT) {
                    topK(s, m, w);
                    break;
                }
                int count = ranked(s, m);
                for (int r = 0; r < Math.min(spec.k(), count); r++) {
                    w[indexOf(r)] = 1;
                }
            }
            case RANK_DECAY -> {
                Arrays.fill(w, 0, m, 0.0);
                int count = ranked(s, m);
                double d = spec.decay();
                double v = 1;
                for (int r = 0; r < count && v > 1e-9; r++) {
                    w[indexOf(r)] = v;
                    v *= d;
                }
            }
            default -> throw new IllegalStateException("unknown curve " + spec.type());
        }
    }

    /**
     * True when each weight depends only on its own score and the largest score (PROPORTIONAL, POWER, SOFTMAX,
     * THRESHOLD), so {@link #elementwise} gives {@link #weights}' values one range at a time.
     */
    boolean elementwise() {
        return switch (spec.type()) {
            case PROPORTIONAL, POWER, SOFTMAX, THRESHOLD -> true;
            default -> false;
        };
    }

    /**
     * The weights {@link #weights} gives {@code s[from..to)} when {@code inv} = 1 / max s (max &gt; 0), into
     * {@code w[from..to)}; {@link #weights} itself uses it. Only for an {@link #elementwise} curve.
     */
    void elementwise(double[] s, int from, int to, double inv, double[] w) {
        switch (spec.type()) {
            case PROPORTIONAL -> {
                for (int j = from; j < to; j++) {
                    w[j] = s[j] * inv;
                }
            }
            case POWER -> {
                double a = spec.alpha();
                if (a == 2) {
                    for (int j = from; j < to; j++) {
                        double x = s[j] * inv;
                        w[j] = x * x;
                    }
                } else {
                    // pow(+0, a) is +0 for a > 0 (an empty or caught UID), so those skip the call
                    boolean zeroIsZero = a > 0;
                    for (int j = from; j < to; j++) {
                        double x = s[j] * inv;
                        w[j] = zeroIsZero && Double.doubleToRawLongBits(x) == 0L ? 0.0 : StrictMath.pow(x, a);
                    }
                }
            }
            case SOFTMAX -> {
                double invTau = 1 / spec.tau();
                for (int j = from; j < to; j++) {
                    w[j] = StrictMath.exp((s[j] * inv - 1) * invTau);
                }
            }
            case THRESHOLD -> {
                double theta = spec.theta();
                for (int j = from; j < to; j++) {
                    double x = s[j] * inv;
                    w[j] = x >= theta ? x : 0;
                }
            }
            default -> throw new IllegalStateException("not an elementwise curve: " + spec.type());
        }
    }

    /**
     * Ranks the scores and returns how many are positive: {@link #indexOf}(r) is then the index with rank r, ranked
     * by the score as float bits (a signed int, larger first), ties by lower index. That is the order of sorting
     * the keys (floatBits &lt;&lt; 32 | (2³² − 1 − j)) descending; here it is a stable LSD radix sort of the
     * indices in increasing order (four 8-bit passes over the float bits, all counted in one pass; a pass is
     * skipped when every key has the same digit there), so ties keep the lower index first.
     */
    private int ranked(double[] s, int m) {
        int count = 0;
        int[] key = digits;
        int[] idx = order;
        for (int j = 0; j < m; j++) {
            if (s[j] > 0) {
                count++;
            }
            // flipping the sign bit maps signed order to unsigned; the complement makes larger sort first
            key[j] = ~(Float.floatToIntBits((float) s[j]) ^ 0x80000000);
            idx[j] = j;
        }
        int[] keyTmp = digitsTmp;
        int[] idxTmp = orderTmp;
        // the four digits' counts in one pass (counts[257 p + d + 1] for pass p)
        int[] c = counts;
        Arrays.fill(c, 0);
        for (int j = 0; j < m; j++) {
            int k = key[j];
            c[(k & 0xFF) + 1]++;
            c[257 + ((k >>> 8) & 0xFF) + 1]++;
            c[2 * 257 + ((k >>> 16) & 0xFF) + 1]++;
            c[3 * 257 + (k >>> 24) + 1]++;
        }
        for (int pass = 0; pass < 4; pass++) {
            int shift = 8 * pass;
            int o = 257 * pass;
            if (c[o + ((key[0] >>> shift) & 0xFF) + 1] == m) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                c[o + d + 1] += c[o + d];
            }
            for (int j = 0; j < m; j++) {
                int k = key[j];
                int at = c[o + ((k >>> shift) & 0xFF)]++;
                keyTmp[at] = k;
                idxTmp[at] = idx[j];
            }
            int[] t = key;
            key = keyTmp;
            keyTmp = t;
            t = idx;
            idx = idxTmp;
            idxTmp = t;
        }
        digits = key;
        digitsTmp = keyTmp;
        order = idx;
        orderTmp = idxTmp;
        return count;
    }

    /**
     * TOP_K for k &le; {@link #TOP_SELECT}: w = 1 at the min(k, count of positive scores) best indices in
     * {@link #ranked}'s order, found by keeping the best keys (floatBits &lt;&lt; 32 | (2³² − 1 − j), all distinct)
     * seen so far in increasing order; the rest of w is left as it is (0).
     */
    private void topK(double[] s, int m, double[] w) {
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (s[j] > 0) {
                count++;
            }
        }
        int t = Math.min(spec.k(), count);
        if (t == 0) {
            return;
        }
        long[] best = top;
        int filled = 0;
        for (int j = 0; j < m; j++) {
            long key = ((long) Float.floatToIntBits((float) s[j]) << 32) | (0xFFFFFFFFL - j);
            if (filled < t) {
                int i = filled++;
                while (i > 0 && best[i - 1] > key) {
                    best[i] = best[i - 1];
                    i--;
                }
                best[i] = key;
            } else if (key > best[0]) {
                int i = 0;
                while (i + 1 < t && best[i + 1] < key) {
                    best[i] = best[i + 1];
                    i++;
                }
                best[i] = key;
            }
        }
        for (int i = 0; i < t; i++) {
            w[(int) (0xFFFFFFFFL - (best[i] & 0xFFFFFFFFL))] = 1;
        }
    }

    /** The index with rank r (0 = best) after {@link #ranked}. */
    private int indexOf(int r) {
        return order[r];
    }

    /** True for WINNER_TAKE_ALL (w = 1 at the first largest positive score, else 0). */
    boolean winnerTakeAll() {
        return spec.type() == CurveType.WINNER_TAKE_ALL;
    }

    /** True for PROPORTIONAL, whose u16 weights are {@link #quantise} of the scores themselves (no weights pass). */
    boolean proportional() {
        return spec.type() == CurveType.PROPORTIONAL;
    }

    /**
     * True for the curves whose weights take a {@link StrictMath} call per score (POWER with α ≠ 2, α &gt; 0, and
     * SOFTMAX), which {@link #quantiseWeights} quantises without that call for most scores.
     */
    boolean strictPerScore() {
        return (spec.type() == CurveType.POWER && spec.alpha() != 2 && spec.alpha() > 0)
                || spec.type() == CurveType.SOFTMAX;
    }

    /** Largest distance of a scaled weight from a rounding edge (t = y + ½ an integer) that is settled strictly. */
    static final double EDGE = 1e-7;

    /**
     * Writes {@code quantise(weights(s))} into {@code row[offset …]} with the same bits, for a
     * {@link #strictPerScore} curve, using {@code w} as scratch. Each weight is first computed with {@link Math}'s
     * pow or exp, within 1 ulp of the exact value as is {@link StrictMath}'s, so the two differ by at most
     * 2 ulp (a relative 4.5·10⁻¹⁶). The strict function is then called only where that could change the outcome:
     * for the scores whose fast weight is within 10⁻¹² of the largest (the strict largest weight, which sets the
     * scale, is among them), and for the scaled weights y within {@value #EDGE} of a rounding edge (y ≤ 65535, so
     * the two differ there by less than 10⁻¹⁰). Everywhere else both round to the same integer.
     */
    void quantiseWeights(double[] s, int m, double[] w, int[] row, int offset) {
        double maxS = 0;
        for (int j = 0; j < m; j++) {
            if (s[j] > maxS) {
                maxS = s[j];
            }
        }
        if (!(maxS > 0)) {
            Arrays.fill(row, offset, offset + m, 0); // weights() gives all 0, and quantise of all 0 is all 0
            return;
        }
        double inv = 1 / maxS;
        boolean power = spec.type() == CurveType.POWER;
        double a = spec.alpha();
        double invTau = power ? 0 : 1 / spec.tau();
        double fastMax = 0;
        for (int j = 0; j < m; j++) {
            double x = s[j] * inv;
            double f = power ? (Double.doubleToRawLongBits(x) == 0L ? 0.0 : Math.pow(x, a))
                    : Math.exp((x - 1) * invTau);
            w[j] = f;
            fastMax = f > fastMax ? f : fastMax;
        }
        double near = fastMax * (1 - 1e-12);
        double max = 0;
        for (int j = 0; j < m; j++) {
            if (w[j] >= near) {
                double e = strict(s[j] * inv, power, a, invTau);
                max = e > max ? e : max;
            }
        }
        if (!(max > 0)) {
            Arrays.fill(row, offset, offset + m, 0);
            return;
        }
        double scale = 65535 / max;
        for (int j = 0; j < m; j++) {
            double y = w[j] * scale;
            double t = y + 0.5;
            if (Math.abs(t - Math.rint(t)) < EDGE) {
                y = strict(s[j] * inv, power, a, invTau) * scale;
            }
            row[offset + j] = y < 0.5 ? 0 : (int) (y + 0.5); // as quantise
        }
    }

    /** The weight {@link #elementwise} gives a relative score x (POWER or SOFTMAX). */
    private static double strict(double x, boolean power, double a, double invTau) {
        if (power) {
            return a > 0 && Double.doubleToRawLongBits(x) == 0L ? 0.0 : StrictMath.pow(x, a);
        }
        return StrictMath.exp((x - 1) * invTau);
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
