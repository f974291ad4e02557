package io.incentivelab.simulation.yuma;

/**
 * Stake-weighted κ-quantile by linear-time weighted selection (yuma.md §5.6; math.rs
 * {@code weighted_median}): returns the score {@code x} with
 * {@code Σ_{v<x} w ≤ minority < Σ_{v≤x} w}, i.e. {@code max{x : Σ_{v≥x} w ≥ Σw − minority}}.
 * Quickselect with a three-way partition and a median-of-three pivot: expected O(len), no sorting.
 * {@link #selectColumn} first adds the weights into value buckets (about two or four scores per bucket) (bucket index is monotone in the value, so
 * lower buckets hold strictly smaller scores), then selects inside the one bucket that holds the quantile;
 * still linear, but with fewer mispredicted branches, and it leaves its input untouched.
 */
final class WeightedQuantile {

    private WeightedQuantile() {
    }

    /**
     * Selects in place (permutes {@code v[from..to)} and {@code w[from..to)} together).
     *
     * @param v        scores (e.g. normalized weights of one column)
     * @param w        stake of each score, ≥ 0
     * @param from     first index, inclusive
     * @param to       last index, exclusive; must be {@code > from}
     * @param minority {@code Σw − κ}
     * @return the quantile score
     */
    static double select(double[] v, double[] w, int from, int to, double minority) {
        int lo = from;
        int hi = to;
        double below = 0;
        while (true) {
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf3(v[lo], v[mid], v[hi - 1]);
            int lt = lo;
            int i = lo;
            int gt = hi;
            double sumLess = 0;
            double sumEqual = 0;
            while (i < gt) {
                double x = v[i];
                if (x < pivot) {
                    double wx = w[i];
                    v[i] = v[lt];
                    w[i] = w[lt];
                    v[lt] = x;
                    w[lt] = wx;
                    sumLess += wx;
                    lt++;
                    i++;
                } else if (x > pivot) {
                    gt--;
                    double wx = w[i];
                    v[i] = v[gt];
                    w[i] = w[gt];
                    v[gt] = x;
                    w[gt] = wx;
                } else {
                    sumEqual += w[i];
                    i++;
                }
            }
            if (below + sumLess > minority) {
                if (lt == lo) {
                    return pivot; // minority < 0 (κ ≈ 1): the smallest score
                }
                hi = lt;
            } else if (below + sumLess + sumEqual > minority) {
                return pivot;
            } else {
                below += sumLess + sumEqual;
                if (gt >= hi) {
                    return pivot; // minority ≥ Σw (κ ≈ 0): the largest score
                }
                lo = gt;
            }
        }
    }

    /**
     * Same result as {@link #select} on the pairs {@code (v[off + i], s[i])}, {@code i < k}, without permuting or
     * copying them: one min/max pass, one pass that adds each stake into a value bucket (the bucket index is
     * monotone in the value, so lower buckets hold strictly smaller scores), and a quickselect over only the
     * entries of the bucket that holds the quantile, copied to {@code candV}/{@code candW}.
     *
     * @param v        scores, read only
     * @param off      offset of the first score in {@code v}
     * @param k        number of scores, ≥ 1
     * @param s        stake of score i at {@code s[i]}, ≥ 0
     * @param minority {@code Σs − κ}
     * @param bucketW  scratch of length ≥ {@code k + 2}
     * @param bucketOf scratch of length ≥ {@code k}
     * @param candV    scratch of length ≥ {@code k}
     * @param candW    scratch of length ≥ {@code k}
     * @return the quantile score
     */
    static double selectColumn(double[] v, int off, int k, double[] s, double minority, double[] bucketW,
                               int[] bucketOf, double[] candV, double[] candW) {
        if (k <= 32) {
            System.arraycopy(v, off, candV, 0, k);
            System.arraycopy(s, 0, candW, 0, k);
            return select(candV, candW, 0, k, minority);
        }
        // two independent min/max chains (even and odd i) halve the compare latency
        double min = v[off];
        double max = min;
        double min1 = min;
        double max1 = min;
        int i = 1;
        for (int end = k - 1; i < end; i += 2) {
            double x = v[off + i];
            double y = v[off + i + 1];
            min = x < min ? x : min;
            max = x > max ? x : max;
            min1 = y < min1 ? y : min1;
            max1 = y > max1 ? y : max1;
        }
        if (i < k) {
            double x = v[off + i];
            min = x < min ? x : min;
            max = x > max ? x : max;
        }
        min = min1 < min ? min1 : min;
        max = max1 > max ? max1 : max;
        return selectColumn(v, off, k, s, minority, min, max, bucketW, bucketOf, candV, candW);
    }

    /**
     * {@link #selectColumn(double[], int, int, double[], double, double[], int[], double[], double[])} with bounds
     * of the scores already known: {@code min} ≤ every score (e.g. 0) and {@code max} the largest score.
     */
    static double selectColumn(double[] v, int off, int k, double[] s, double minority, double min, double max,
                               double[] bucketW, int[] bucketOf, double[] candV, double[] candW) {
        if (k <= 32) {
            System.arraycopy(v, off, candV, 0, k);
            System.arraycopy(s, 0, candW, 0, k);
            return select(candV, candW, 0, k, minority);
        }
        if (min == max) {
            return min;
        }
        // about two scores per bucket for short columns (fewer candidates for the final select), four for long
        // ones (the bucket scan is sequential): measured best at 64 and 256 voters
        int buckets = k <= 128 ? k >>> 1 : k >>> 2;
        double scale = buckets / (max - min);
        // (x − min)·scale ≤ buckets (1 + 2^−51) for x ≤ max, so its integer part is at most buckets: one more
        // bucket (holding at most the scores at the maximum) instead of a clamp per score
        int nb = buckets + 1;
        // two bucket arrays (even and odd i, added afterwards) so that consecutive scores in one bucket do not
        // chain a load on the previous store
        for (int b = 0; b < 2 * nb; b++) {
            bucketW[b] = 0;
        }
        int i = 0;
        for (int end2 = k & ~1; i < end2; i += 2) {
            int b0 = (int) ((v[off + i] - min) * scale);
            int b1 = (int) ((v[off + i + 1] - min) * scale);
            bucketOf[i] = b0;
            bucketOf[i + 1] = b1;
            bucketW[b0] += s[i];
            bucketW[nb + b1] += s[i + 1];
        }
        if (i < k) {
            int b0 = (int) ((v[off + i] - min) * scale);
            bucketOf[i] = b0;
            bucketW[b0] += s[i];
        }
        double below = 0;
        int chosen = 0;
        while (chosen < nb) {
            double next = below + (bucketW[chosen] + bucketW[nb + chosen]);
            if (next > minority) {
                break;
            }
            below = next;
            chosen++;
        }
        if (chosen == nb) {
            return max; // minority ≥ Σs
        }
        int m = 0;
        for (i = 0; i < k; i++) {
            if (bucketOf[i] == chosen) {
                candV[m] = v[off + i];
                candW[m] = s[i];
                m++;
            }
        }
        return select(candV, candW, 0, m, minority - below);
    }

    private static double medianOf3(double a, double b, double c) {
        if (a < b) {
            return b < c ? b : Math.max(a, c);
        }
        return a < c ? a : Math.max(b, c);
    }
}
