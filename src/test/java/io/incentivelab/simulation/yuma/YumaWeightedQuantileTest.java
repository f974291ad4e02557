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
