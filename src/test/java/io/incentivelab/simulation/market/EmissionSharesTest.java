package io.incentivelab.simulation.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

class EmissionSharesTest {

    @Test
    void gateIsHalfAtTheBarAndTendsToZeroAndOne() {
        for (double h : new double[]{1, 3, 8}) {
            assertThat(EmissionShares.gate(0.0134, 0.0134, h)).isCloseTo(0.5, within(1e-15));
        }
        // h = 3, s = 2θ: 1/(1 + 1/8) = 8/9; s = θ/2: 1/(1 + 8) = 1/9
        assertThat(EmissionShares.gate(0.02, 0.01, 3)).isCloseTo(8.0 / 9, within(1e-15));
        assertThat(EmissionShares.gate(0.005, 0.01, 3)).isCloseTo(1.0 / 9, within(1e-15));
        assertThat(EmissionShares.gate(0, 0.01, 3)).isZero();
        assertThat(EmissionShares.gate(0.3, 0, 3)).isEqualTo(1);
    }

    @Test
    void rankModePutsNSubnetsAtOrAboveTheBar() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] s = new double[128];
            for (int i = 0; i < s.length; i++) {
                s[i] = r.nextDouble() < 0.1 ? 0 : r.nextDouble() * r.nextDouble();
            }
            double[] shares = new double[s.length];
            EmissionShares.priceDemand(s, new double[s.length], false, shares);
            int n = 1 + r.nextInt(60);
            double theta = EmissionShares.barByRank(shares, n);
            long above = Arrays.stream(shares).filter(x -> x >= theta).count();
            assertThat(above).isEqualTo(n);
            double[] e = new double[s.length];
            EmissionShares.gated(shares, theta, 3, e);
            assertThat(Arrays.stream(e).sum()).isCloseTo(1, within(1e-12));
            // freed emission goes to the top: the largest share gains, and a share below half the bar
            // loses relative to it (g ≤ 1/9 at h = 3 against g_top ≥ 1/2)
            int top = 0;
            for (int i = 1; i < s.length; i++) {
                top = shares[i] > shares[top] ? i : top;
            }
            assertThat(e[top]).isGreaterThanOrEqualTo(shares[top]);
            for (int i = 0; i < s.length; i++) {
                if (shares[i] > 0 && shares[i] < theta / 2) {
                    assertThat(e[i] / e[top]).isLessThanOrEqualTo(shares[i] / shares[top] * 2 / 9 * (1 + 1e-12));
                }
            }
        }
        // fewer positive shares than N: the smallest positive one is the bar
        assertThat(EmissionShares.barByRank(new double[]{0.5, 0.3, 0.2, 0}, 32)).isEqualTo(0.2);
    }

    @Test
    void quantileModeBarIsWhereCumulativeDemandCrossesQ() {
        double[] s = {0.4, 0.1, 0.3, 0.2};
        // largest first: 0.4 (0.4), 0.3 (0.7 ≥ 0.61) → θ = 0.3
        assertThat(EmissionShares.barByQuantile(s, 0.61)).isEqualTo(0.3);
        assertThat(EmissionShares.barByQuantile(s, 0.4)).isEqualTo(0.4);
        assertThat(EmissionShares.barByQuantile(s, 1)).isEqualTo(0.1);
        assertThatThrownBy(() -> EmissionShares.barByQuantile(s, 0)).hasMessageContaining("quantile");
        assertThatThrownBy(() -> EmissionShares.barByRank(s, 0)).hasMessageContaining("rank");
    }

    @Test
    void priceDemandWithTheBurnFactor() {
        double[] p = {0.02, 0.01, 0.01};
        double[] b = {0, 0.5, 1};
        double[] out = new double[3];
        EmissionShares.priceDemand(p, b, true, out);
        // 0.02 : 0.005 : 0 → 0.8, 0.2, 0
        assertThat(out).containsExactly(new double[]{0.8, 0.2, 0}, within(1e-15));
        EmissionShares.priceDemand(p, b, false, out);
        assertThat(out).containsExactly(new double[]{0.5, 0.25, 0.25}, within(1e-15));
        // everyone burns everything: plain price shares
        EmissionShares.priceDemand(p, new double[]{1, 1, 1}, true, out);
        assertThat(out).containsExactly(new double[]{0.5, 0.25, 0.25}, within(1e-15));
    }

    @Test
    void flowSharesClipNegativeFlowToZeroAndApplyTheExponent() {
        double[] out = new double[3];
        EmissionShares.flowShares(new double[]{2, 1, -3}, 0, 1, out);
        assertThat(out).containsExactly(new double[]{2.0 / 3, 1.0 / 3, 0}, within(1e-15));
        // p = 1.5: 2× flow → 2^1.5 = 2.83× emission
        EmissionShares.flowShares(new double[]{2, 1, 0}, 0, 1.5, out);
        assertThat(out[0] / out[1]).isCloseTo(Math.pow(2, 1.5), within(1e-12));
        // a negative cutoff keeps negative-flow subnets in, offset by the lowest EMA
        EmissionShares.flowShares(new double[]{2, 1, -3}, -10, 1, out);
        assertThat(out).containsExactly(new double[]{5.0 / 9, 4.0 / 9, 0}, within(1e-15));
    }

    @Test
    void flowEmaRateIsAThirtyDayHalfLife() {
        double halfLife = Math.log(0.5) / Math.log(1 - EmissionShares.FLOW_EMA_RATE);
        assertThat(halfLife).isCloseTo(216_000, within(500.0));
        assertThat(EmissionShares.flowEmaStep(1, 0, 0.25)).isEqualTo(0.75);
    }
}
