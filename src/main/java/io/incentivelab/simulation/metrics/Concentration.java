package io.incentivelab.simulation.metrics;

import java.util.Arrays;

/**
 * Concentration of a non-negative quantity (emission, a resource) over holders (operators, not UIDs).
 * With x sorted ascending (i = 1..n), total X and shares s = x / X:
 * <ul>
 *   <li>Gini G = 2 Σ i·x_(i) / (n X) − (n + 1) / n (0 = equal, (n − 1)/n = one holder has everything);</li>
 *   <li>Herfindahl–Hirschman HHI = Σ s²; effective number of holders = 1 / HHI;</li>
 *   <li>Nakamoto coefficient = fewest holders whose shares sum to more than 50 %;</li>
 *   <li>top-k share = sum of the k largest shares;</li>
 *   <li>Lorenz curve L(q) = share held by the poorest fraction q of holders, linear between holders:
 *       with k = ⌊q n⌋ and f = q n − k, L(q) = (Σ_{i ≤ k} x_(i) + f·x_(k+1)) / X.</li>
 * </ul>
 * A zero total gives 0 for every measure (the Lorenz curve is then the line of equality, L(q) = q) (nobody holds anything, so nothing is concentrated).
 * Source: standard definitions (e.g. Gini via the sorted-rank form; Nakamoto coefficient as defined by
 * Srinivasan, 2017).
 */
public final class Concentration {

    /** All measures of one distribution. */
    public record Stats(double gini, double hhi, double effectiveNumber, int nakamoto, double top1, double top10) {
    }

    private Concentration() {
    }

    /** Every measure at once (one sort). */
    public static Stats of(double[] values) {
        double[] sorted = sortedCopy(values);
        double total = sum(sorted);
        if (!(total > 0)) {
            return new Stats(0, 0, 0, 0, 0, 0);
        }
        double hhi = hhiSorted(sorted, total);
        return new Stats(giniSorted(sorted, total), hhi, 1 / hhi, nakamotoSorted(sorted, total),
                topSorted(sorted, total, 1), topSorted(sorted, total, 10));
    }

    public static double gini(double[] values) {
        double[] sorted = sortedCopy(values);
        double total = sum(sorted);
        return total > 0 ? giniSorted(sorted, total) : 0;
    }

    public static double hhi(double[] values) {
        double total = sum(values);
        return total > 0 ? hhiSorted(values, total) : 0;
    }

    /** 1 / HHI, or 0 for a zero total. */
    public static double effectiveNumber(double[] values) {
        double h = hhi(values);
        return h > 0 ? 1 / h : 0;
    }

    public static int nakamoto(double[] values) {
        double[] sorted = sortedCopy(values);
        double total = sum(sorted);
        return total > 0 ? nakamotoSorted(sorted, total) : 0;
    }

    /** Share of the k largest holders. */
    public static double topShare(double[] values, int k) {
        double[] sorted = sortedCopy(values);
        double total = sum(sorted);
        return total > 0 ? topSorted(sorted, total, k) : 0;
    }

    /**
     * The Lorenz curve at the given fractions of holders (each in [0, 1]): L(q) = the share of the total held
     * by the poorest fraction q, linear between holders (see the class comment). L(q) = q for a zero total.
     */
    public static double[] lorenz(double[] values, double[] fractions) {
        double[] x = sortedCopy(values);
        double total = sum(x);
        int n = x.length;
        double[] out = new double[fractions.length];
        for (int j = 0; j < fractions.length; j++) {
            double q = fractions[j];
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("a Lorenz fraction is in [0, 1], got " + q);
            }
            if (!(total > 0) || n == 0) {
                out[j] = q;
                continue;
            }
            double pos = q * n;
            int k = (int) Math.floor(pos);
            double acc = 0;
            for (int i = 0; i < k && i < n; i++) {
                acc += x[i];
            }
            if (k < n) {
                acc += (pos - k) * x[k];
            }
            out[j] = Math.min(1, acc / total);
        }
        return out;
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (v < 0 || Double.isNaN(v)) {
                throw new IllegalArgumentException("concentration needs non-negative values, got " + v);
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double giniSorted(double[] x, double total) {
        int n = x.length;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            weighted += (i + 1) * x[i];
        }
        double g = 2 * weighted / (n * total) - (n + 1.0) / n;
        return Math.max(0, g);
    }

    private static double hhiSorted(double[] x, double total) {
        double h = 0;
        for (double v : x) {
            double s = v / total;
            h += s * s;
        }
        return h;
    }

    private static int nakamotoSorted(double[] x, double total) {
        double acc = 0;
        int count = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            acc += x[i];
            count++;
            if (acc > 0.5 * total) {
                return count;
            }
        }
        return count;
    }

    private static double topSorted(double[] x, double total, int k) {
        double acc = 0;
        for (int i = x.length - 1; i >= 0 && i >= x.length - k; i--) {
            acc += x[i];
        }
        return Math.min(1, acc / total);
    }
}
