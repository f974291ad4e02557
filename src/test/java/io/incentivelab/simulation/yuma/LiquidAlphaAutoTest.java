package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Liquid alpha's {@code Auto} mode (the chain's 2026 release): with β = 1 the sigmoid reads the previous epoch's
 * consensus. Checked against the naive reference, and against the modes it must coincide with.
 */
class LiquidAlphaAutoTest {

    private static double[] consensusOf(YumaResult r) {
        int[] cu = r.consensusU16();
        double[] c = new double[cu.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = cu[j] / 65535.0;
        }
        return c;
    }

    @Test
    void fastEqualsNaiveWithAPreviousConsensus() {
        SplittableRandom rnd = new SplittableRandom(20261207);
        YumaWorkspace ws = new YumaWorkspace();
        int differed = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + rnd.nextInt(trial < 200 ? 12 : 60);
            YumaParams p = RandomYumaInputs.params(rnd, n);
            p = new YumaParams(p.kappaU16(), p.bondsMovingAverage(), rnd.nextInt(4) == 0 ? 32767 : 65535, true, true,
                    p.alphaLowU16(), p.alphaHighU16(), 1 + rnd.nextInt(2000), p.maxAllowedValidators(),
                    p.activityCutoffBlocks(), p.stakeThreshold(), p.ownerUid(), p.tempo(), p.commitReveal(), true);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, rnd.nextBoolean());
            // the previous consensus: that of other random inputs of the same size, as the chain stores it
            double[] before = consensusOf(new YumaConsensus(p).epoch(RandomYumaInputs.generate(rnd, n, true), new YumaWorkspace()));
            YumaInputs withBefore = in.withConsensusBefore(before);
            YumaResult fast = new YumaConsensus(p).epoch(withBefore, ws, true);
            YumaNaiveComparisonTest.assertSame("trial " + trial + " " + p, fast, NaiveYumaEpoch.run(p, withBefore), n);
            YumaResult current = new YumaConsensus(p.withLiquidAlphaAuto(false)).epoch(withBefore, new YumaWorkspace(), true);
            if (p.bondsPenaltyU16() != 65535) {
                // with β < 1 Auto reads the current consensus: the same epoch as the 2025 mode
                YumaNaiveComparisonTest.assertSame("β < 1, trial " + trial, fast, current, n);
            } else if (!Arrays.deepEquals(fast.bonds(), current.bonds())) {
                differed++;
            }
        }
        assertThat(differed).as("with β = 1 the previous consensus changes the bonds of most epochs").isGreaterThan(100);
    }

    @Test
    void withoutAPreviousConsensusTheFixedRateApplies() {
        // a first epoch: no stored consensus, so liquid alpha is skipped and the bond EMA uses the fixed α
        YumaInputs in = SyntheticYumaInputs.dense(16, 120, 3);
        YumaParams fixed = YumaParams.newSubnetDefaults().withMaxAllowedValidators(16);
        YumaParams auto = fixed.withYuma3(true, true).withLiquidAlphaAuto(true);
        YumaResult a = new YumaConsensus(auto).epoch(in, new YumaWorkspace(), true);
        YumaResult f = new YumaConsensus(fixed).epoch(in, new YumaWorkspace(), true);
        YumaNaiveComparisonTest.assertSame("first epoch", a, f, 120);
        YumaNaiveComparisonTest.assertSame("first epoch, naive", a, NaiveYumaEpoch.run(auto, in), 120);
        // and a stored consensus of the same epoch's own values gives the 2025 mode's answer
        YumaInputs same = in.withConsensusBefore(consensusOf(a));
        YumaResult current = new YumaConsensus(auto.withLiquidAlphaAuto(false)).epoch(in, new YumaWorkspace(), true);
        YumaResult auto2 = new YumaConsensus(auto).epoch(same, new YumaWorkspace(), true);
        assertThat(auto2.incentive()).isEqualTo(current.incentive());
        assertThat(auto2.dividends()).isNotEqualTo(f.dividends());
    }
}
