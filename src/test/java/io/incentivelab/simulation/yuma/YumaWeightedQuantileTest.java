package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Linear selection (plain, and bucketed per column without permuting) equals the definition max{x : Σ_{v ≥ x} w ≥ Σw − minority}, by sorting. */
class YumaWeightedQuantileTest {

    @Test
    void matchesSortedDefinitionWithTiesAndZeros() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 3000; trial++) {
            int len = 1 + rnd.nextInt(trial % 2 == 0 ? 10 : 300);
            double[] v = new double[len];
            double[] w = new double[len];
            double sum = 0;
            for (int i = 0; i < len; i++) {
                int kind = rnd.nextInt(5);
                v[i] = kind == 0 ? 0 : kind == 1 ? 0.25 * rnd.nextInt(5) : rnd.nextDouble();
                w[i] = rnd.nextInt(6) == 0 ? 1.0 / 64 : rnd.nextDouble();
                sum += w[i];
            }
            double kappa = new double[] {32767 / 65535.0, 16384 / 65535.0, 49151 / 65535.0, rnd.nextDouble()}[rnd.nextInt(4)];
            double minority = sum - kappa * sum;
            double expected = bySorting(v, w, kappa * sum);
            assertThat(WeightedQuantile.select(v.clone(), w.clone(), 0, len, minority)).as("trial " + trial).isEqualTo(expected);
            int off = rnd.nextInt(4);
            double[] shifted = new double[off + len];
            System.arraycopy(v, 0, shifted, off, len);
            double[] sClone = w.clone();
            assertThat(WeightedQuantile.selectColumn(shifted, off, len, sClone, minority, new double[len + 2],
                    new int[len], new double[len], new double[len])).as("column trial " + trial).isEqualTo(expected);
            double max = Arrays.stream(v).max().getAsDouble();
            assertThat(WeightedQuantile.selectColumn(shifted, off, len, sClone, minority, 0.0, max, new double[len + 2],
                    new int[len], new double[len], new double[len])).as("column with bounds 0, max, trial " + trial)
                    .isEqualTo(expected);
            assertThat(Arrays.copyOfRange(shifted, off, off + len)).as("scores unchanged").isEqualTo(v);
            assertThat(sClone).as("stakes unchanged").isEqualTo(w);
        }
    }

    /**
     * Bucketed column selection (both overloads) against the definition, by sorting, for k from 1 to 600: ties,
     * zero weights, all-equal scores, zeros, scores crowded into one bucket next to one far outlier, a tiny range,
     * and the minority below zero, at or above Σw, and exactly at a prefix sum. Weights are mostly multiples of
     * 2^−10 (every sum exact, so the boundary cases are decided exactly), else random doubles (with a random
     * minority, where the order of the additions does not matter but with negligible probability).
     */
    @Test
    void selectColumnMatchesSortedDefinitionForAllShapes() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 6000; trial++) {
            int k = trial < 600 ? trial + 1 : 1 + rnd.nextInt(rnd.nextBoolean() ? 70 : 600);
            int shape = rnd.nextInt(7);
            boolean dyadic = rnd.nextInt(4) != 0;
            double[] v = new double[k];
            double[] w = new double[k];
            double base = rnd.nextDouble();
            for (int i = 0; i < k; i++) {
                v[i] = switch (shape) {
                    case 0 -> rnd.nextDouble();
                    case 1 -> 0.125 * rnd.nextInt(4); // heavy ties
                    case 2 -> base; // all equal
                    case 3 -> rnd.nextInt(5) == 0 ? 0 : base * Math.exp(0.2 * rnd.nextGaussian()); // synthetic-like
                    case 4 -> i == 0 ? 1.0 : base * 1e-3 + rnd.nextInt(8) * 1e-12; // crowded into one bucket
                    case 5 -> rnd.nextInt(3) * Double.MIN_VALUE; // a range too small for a finite bucket scale
                    default -> rnd.nextInt(3) == 0 ? rnd.nextDouble() : rnd.nextInt(k) / (double) k;
                };
                int wk = rnd.nextInt(8);
                w[i] = wk == 0 ? 0 : dyadic ? rnd.nextInt(1, 1000) / 1024.0 : rnd.nextDouble();
            }
            double sum = 0;
            for (double x : w) {
                sum += x;
            }
            // exactly at Σw or at a prefix sum only with exact sums: otherwise the order of the additions decides such
            // a tie (a sum in another order may round to either side)
            int mk = rnd.nextInt(6);
            double minority = switch ((mk == 1 || mk == 3) && !dyadic ? 4 : mk) {
                case 0 -> -rnd.nextDouble();
                case 1 -> sum;
                case 2 -> sum + 1;
                case 3 -> prefixSum(v, w, rnd.nextInt(k));
                default -> rnd.nextDouble() * sum;
            };
            double expected = bySortingExact(v, w, minority);
            int off = rnd.nextInt(5);
            double[] shifted = new double[off + k + rnd.nextInt(3)];
            System.arraycopy(v, 0, shifted, off, k);
            double min = Arrays.stream(v).min().getAsDouble();
            double max = Arrays.stream(v).max().getAsDouble();
            double lowBound = rnd.nextBoolean() ? min : rnd.nextBoolean() ? 0.0 : min * rnd.nextDouble();
            String what = "trial " + trial + " k " + k + " shape " + shape + " minority " + minority;
            assertThat(WeightedQuantile.selectColumn(shifted, off, k, w, minority, new double[k + 2], new int[k],
                    new double[k], new double[k])).as(what).isEqualTo(expected);
            assertThat(WeightedQuantile.selectColumn(shifted, off, k, w, minority, lowBound, max, new double[k + 2],
                    new int[k], new double[k], new double[k])).as(what + " with bounds").isEqualTo(expected);
            assertThat(WeightedQuantile.select(v.clone(), w.clone(), 0, k, minority)).as(what + " select")
                    .isEqualTo(expected);
        }
    }

    /** Σ w over the scores ≤ the score at index i (a prefix sum at a group boundary), summed in ascending order. */
    private static double prefixSum(double[] v, double[] w, int i) {
        Integer[] idx = ascending(v);
        double acc = 0;
        for (Integer j : idx) {
            if (v[j] > v[i]) {
                break;
            }
            acc += w[j];
        }
        return acc;
    }

    /** The score x with Σ_{v<x} w ≤ minority < Σ_{v≤x} w (sums in ascending order), else the largest score. */
    private static double bySortingExact(double[] v, double[] w, double minority) {
        Integer[] idx = ascending(v);
        double acc = 0;
        for (int r = 0; r < idx.length; r++) {
            acc += w[idx[r]];
            boolean endOfGroup = r == idx.length - 1 || v[idx[r + 1]] != v[idx[r]];
            if (endOfGroup && acc > minority) {
                return v[idx[r]];
            }
        }
        return v[idx[idx.length - 1]];
    }

    private static Integer[] ascending(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        return idx;
    }

    @Test
    void fiftyFiftySplitResolvesToHigherWeightWithChainKappa() {
        double[] v = {0.2, 0.8};
        double[] w = {0.5, 0.5};
        assertThat(WeightedQuantile.select(v, w, 0, 2, 1.0 - 32767 / 65535.0)).isEqualTo(0.8);
        assertThat(WeightedQuantile.select(new double[] {0.2, 0.8}, new double[] {0.5, 0.5}, 0, 2, 1.0 - 32768 / 65535.0))
                .isEqualTo(0.2);
    }

    private static double bySorting(double[] v, double[] w, double need) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[b], v[a]));
        double acc = 0;
        double answer = v[idx[v.length - 1]];
        for (int r = 0; r < idx.length; r++) {
            acc += w[idx[r]];
            boolean endOfGroup = r == idx.length - 1 || v[idx[r + 1]] != v[idx[r]];
            if (endOfGroup && acc >= need - 1e-12) {
                return v[idx[r]];
            }
        }
        return answer;
    }
}
