package io.incentivelab.simulation.yuma;

/**
 * Stake-weighted κ-quantile by linear-time weighted selection (yuma.md §5.6; math.rs
 * {@code weighted_median}): returns the score {@code x} with
 * {@code Σ_{v<x} w ≤ minority < Σ_{v≤x} w}, i.e. {@code max{x : Σ_{v≥x} w ≥ Σw − minority}}.
 * Quickselect with a three-way partition and a median-of-three pivot: expected O(len), no sorting.
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

    private static double medianOf3(double a, double b, double c) {
        if (a < b) {
            return b < c ? b : Math.max(a, c);
        }
        return a < c ? a : Math.max(b, c);
    }
}
