package io.incentivelab.simulation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConcentrationTest {

    @Test
    void equalHoldersAreNotConcentrated() {
        double[] x = {5, 5, 5, 5};
        var s = Concentration.of(x);
        assertThat(s.gini()).isCloseTo(0, within(1e-12));
        assertThat(s.hhi()).isCloseTo(0.25, within(1e-12));
        assertThat(s.effectiveNumber()).isCloseTo(4, within(1e-12));
        assertThat(s.nakamoto()).isEqualTo(3); // 2 holders have exactly 50 %, not more
        assertThat(s.top1()).isCloseTo(0.25, within(1e-12));
        assertThat(s.top10()).isCloseTo(1, within(1e-12));
    }

    @Test
    void oneHolderHasEverything() {
        double[] x = {0, 0, 0, 10};
        var s = Concentration.of(x);
        // Gini of (0,0,0,1): (n-1)/n = 0.75
        assertThat(s.gini()).isCloseTo(0.75, within(1e-12));
        assertThat(s.hhi()).isCloseTo(1, within(1e-12));
        assertThat(s.effectiveNumber()).isCloseTo(1, within(1e-12));
        assertThat(s.nakamoto()).isEqualTo(1);
        assertThat(s.top1()).isCloseTo(1, within(1e-12));
    }

    @Test
    void handComputedMixedCase() {
        // x = 1,2,3,4 (total 10). Mean absolute difference over all ordered pairs:
        // Σ|xi-xj| = 2·(1+2+3+1+2+1) = 20; G = 20 / (2·16·2.5) = 0.25
        double[] x = {3, 1, 4, 2};
        assertThat(Concentration.gini(x)).isCloseTo(0.25, within(1e-12));
        // HHI = (1+4+9+16)/100 = 0.30
        assertThat(Concentration.hhi(x)).isCloseTo(0.30, within(1e-12));
        assertThat(Concentration.effectiveNumber(x)).isCloseTo(1 / 0.30, within(1e-12));
        // 4 → 40 %, 4+3 → 70 % > 50 %
        assertThat(Concentration.nakamoto(x)).isEqualTo(2);
        assertThat(Concentration.topShare(x, 1)).isCloseTo(0.4, within(1e-12));
        assertThat(Concentration.topShare(x, 2)).isCloseTo(0.7, within(1e-12));
        assertThat(Concentration.topShare(x, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void giniMatchesTheNaivePairwiseDefinition() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 50; t++) {
            int n = 1 + r.nextInt(40);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble() < 0.2 ? 0 : Math.exp(2 * r.nextGaussian());
            }
            double sum = 0;
            double diff = 0;
            for (double a : x) {
                sum += a;
                for (double b : x) {
                    diff += Math.abs(a - b);
                }
            }
            double naive = sum > 0 ? diff / (2.0 * n * sum) : 0;
            assertThat(Concentration.gini(x)).isCloseTo(naive, within(1e-9));
        }
    }

    @Test
    void zeroTotalGivesZeroEverywhere() {
        var s = Concentration.of(new double[]{0, 0, 0});
        assertThat(s).isEqualTo(new Concentration.Stats(0, 0, 0, 0, 0, 0));
        assertThat(Concentration.of(new double[0]).gini()).isZero();
    }

    @Test
    void negativeValuesAreRejected() {
        assertThatThrownBy(() -> Concentration.gini(new double[]{1, -1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        double[] x = {3, 1, 2};
        Concentration.of(x);
        assertThat(x).containsExactly(3, 1, 2);
    }

    @Test
    void lorenzCurveIsTheShareOfThePoorestFractionLinearBetweenHolders() {
        double[] x = {4, 1, 3, 2}; // sorted 1,2,3,4; total 10
        double[] l = Concentration.lorenz(x, new double[] {0, 0.25, 0.5, 0.6, 1});
        assertThat(l[0]).isCloseTo(0, within(1e-12));
        assertThat(l[1]).isCloseTo(0.1, within(1e-12));
        assertThat(l[2]).isCloseTo(0.3, within(1e-12));
        assertThat(l[3]).isCloseTo(0.3 + 0.4 * 0.3, within(1e-12)); // 2.4 holders: 1 + 2 + 0.4·3
        assertThat(l[4]).isCloseTo(1, within(1e-12));
        assertThat(Concentration.lorenz(new double[] {5, 5, 5, 5}, new double[] {0.3, 0.7}))
                .containsExactly(new double[] {0.3, 0.7}, within(1e-12));
        assertThat(Concentration.lorenz(new double[] {0, 0, 0}, new double[] {0.4})).containsExactly(0.4);
        assertThat(Concentration.lorenz(new double[] {0, 0, 0, 10}, new double[] {0.5, 0.9}))
                .containsExactly(new double[] {0, 0.6}, within(1e-12));
        assertThatThrownBy(() -> Concentration.lorenz(x, new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }
}
