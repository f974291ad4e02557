package io.incentivelab.simulation.yuma;

/**
 * Stake-weighted κ-quantile by linear-time weighted selection (yuma.md §5.6; math.rs
 * {@code weighted_median}): returns the score {@code x} with
 * {@code Σ_{v<x} w ≤ minority < Σ_{v≤x} w}, i.e. {@code max{x : Σ_{v≥x} w ≥ Σw − minority}}.
 * Quickselect with a three-way partition and a median-of-three pivot: expected O(len), no sorting.
 * {@link #selectBucketed} first does one partition pass into value buckets (bucket index is monotone in the
 * value, so lower buckets hold strictly smaller scores), then selects inside the one bucket that holds the
 * quantile; still linear, but with fewer mispredicted branches.
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
     * Same result as {@link #select}, via value buckets.
     *
     * @param bucketW scratch of length ≥ {@code (to − from)/4 + 1}
     */
    static double selectBucketed(double[] v, double[] w, int from, int to, double minority, double[] bucketW) {
        int len = to - from;
        if (len <= 32) {
            return select(v, w, from, to, minority);
        }
        double min = v[from];
        double max = min;
        for (int i = from + 1; i < to; i++) {
            double x = v[i];
            min = x < min ? x : min;
            max = x > max ? x : max;
        }
        if (min == max) {
            return min;
        }
        int buckets = len >>> 2;
        int last = buckets - 1;
        double scale = buckets / (max - min);
        for (int b = 0; b < buckets; b++) {
            bucketW[b] = 0;
        }
        for (int i = from; i < to; i++) {
            int b = Math.min(last, (int) ((v[i] - min) * scale));
            bucketW[b] += w[i];
        }
        double below = 0;
        int chosen = 0;
        while (chosen < buckets) {
            double next = below + bucketW[chosen];
            if (next > minority) {
                break;
            }
            below = next;
            chosen++;
        }
        if (chosen == buckets) {
            return max; // minority ≥ Σw
        }
        int m = from;
        for (int i = from; i < to; i++) {
            double x = v[i];
            if (Math.min(last, (int) ((x - min) * scale)) == chosen) {
                double wx = w[i];
                v[i] = v[m];
                w[i] = w[m];
                v[m] = x;
                w[m] = wx;
                m++;
            }
        }
        return select(v, w, from, m, minority - below);
    }

    private static double medianOf3(double a, double b, double c) {
        if (a < b) {
            return b < c ? b : Math.max(a, c);
        }
        return a < c ? a : Math.max(b, c);
    }
}
