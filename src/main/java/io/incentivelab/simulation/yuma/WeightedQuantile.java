package io.incentivelab.simulation.yuma;

/**
 * Stake-weighted κ-quantile by linear-time weighted selection (yuma.md §5.6; math.rs
 * {@code weighted_median}): returns the score {@code x} with
 * {@code Σ_{v<x} w ≤ minority < Σ_{v≤x} w}, i.e. {@code max{x : Σ_{v≥x} w ≥ Σw − minority}}.
 * Quickselect with a three-way partition and a median-of-three pivot: expected O(len), no sorting.
 * {@link #selectColumn} first adds the weights into value buckets (about one score per bucket; the bucket index is
 * monotone in the value, so lower buckets hold strictly smaller scores), then selects inside the one bucket that
 * holds the quantile;
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
     * copying them: for {@code k ≤ 32} a quickselect over a copy; otherwise one min/max pass, one pass that adds
     * each stake into one of {@code k + 1} value buckets (the bucket index is monotone in the value, so lower
     * buckets hold strictly smaller scores), a scan for the bucket that holds the quantile, and a quickselect over
     * only that bucket's entries, copied to {@code candV}/{@code candW} (none when it holds a single entry).
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
        // about one score per bucket: few candidates in the chosen bucket (often one) for the price of a longer
        // bucket scan, which adds four buckets per step; measured best at 64 and 256 voters (two or four scores
        // per bucket, also with a second bucket array for odd i, were slower)
        double scale = k / (max - min);
        if (!(scale <= Double.MAX_VALUE)) { // max − min below k / MAX_VALUE (subnormal): no finite bucket scale
            System.arraycopy(v, off, candV, 0, k);
            System.arraycopy(s, 0, candW, 0, k);
            return select(candV, candW, 0, k, minority);
        }
        // The bucket index is (x − min)·scale rounded to an integer by adding 2^52 (the sum's low 32 bits are the
        // integer: cheaper than a double-to-int cast here, measured). Each step rounds monotonically, so the index
        // is monotone in x, and 0 ≤ (x − min)·scale ≤ k (1 + 2^−51) < k + 1/2 for min ≤ x ≤ max, so it is in
        // [0, k]: one more bucket (holding at most scores near the maximum) instead of a clamp per score.
        int nb = k + 1;
        for (int b = 0; b < nb; b++) {
            bucketW[b] = 0;
        }
        for (int i = 0; i < k; i++) {
            int b = (int) Double.doubleToRawLongBits((v[off + i] - min) * scale + 0x1p52);
            bucketOf[i] = b;
            bucketW[b] += s[i];
        }
        // the first bucket whose prefix sum exceeds the minority: four buckets per step (their sum does not wait on
        // the running sum), then one at a time from the first group that crosses
        double below = 0;
        int chosen = 0;
        for (; chosen + 4 <= nb; chosen += 4) {
            double group = (bucketW[chosen] + bucketW[chosen + 1]) + (bucketW[chosen + 2] + bucketW[chosen + 3]);
            double next = below + group;
            if (next > minority) {
                break;
            }
            below = next;
        }
        for (; chosen < nb; chosen++) {
            double next = below + bucketW[chosen];
            if (next > minority) {
                break;
            }
            below = next;
        }
        if (chosen == nb) {
            return max; // minority ≥ Σs
        }
        // the chosen bucket has a positive sum (below ≤ minority < below + its sum), so at least one score, unless
        // minority < 0 (κ ≈ 1), when it is bucket 0
        int m = 0;
        for (int i = 0; i < k; i++) {
            if (bucketOf[i] == chosen) {
                candV[m] = v[off + i];
                candW[m] = s[i];
                m++;
            }
        }
        if (m == 1) {
            return candV[0]; // what select returns for one score
        }
        if (m == 0) { // minority < 0 and bucket 0 empty (min below every score): select's answer, the smallest score
            double least = v[off];
            for (int i = 1; i < k; i++) {
                double x = v[off + i];
                least = x < least ? x : least;
            }
            return least;
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
