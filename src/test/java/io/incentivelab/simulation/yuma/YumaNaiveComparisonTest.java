package io.incentivelab.simulation.yuma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast epoch equals the naive reference (sort-based quantile, dense loops) on random messy inputs. */
class YumaNaiveComparisonTest {

    @Test
    void fastEqualsNaiveOnRandomInputs() {
        SplittableRandom rnd = new SplittableRandom(20260101);
        YumaWorkspace ws = new YumaWorkspace(); // reused across sizes on purpose
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + rnd.nextInt(trial < 300 ? 12 : 70);
            YumaParams p = RandomYumaInputs.params(rnd, n);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, rnd.nextBoolean());
            YumaResult fast = new YumaConsensus(p).epoch(in, ws, true);
            YumaResult naive = NaiveYumaEpoch.run(p, in);
            assertSame("trial " + trial + " " + p, fast, naive, n);
        }
    }

    @Test
    void fastEqualsNaiveOnBenchInputs() {
        for (int v : new int[] {16, 64}) {
            YumaInputs in = SyntheticYumaInputs.dense(v, 300, 7 + v);
            YumaParams p = YumaParams.newSubnetDefaults().withMaxAllowedValidators(v);
            for (YumaParams q : new YumaParams[] {p, p.withYuma3(true, true), p.withYuma3(false, false)}) {
                assertSame(q.toString(), new YumaConsensus(q).epoch(in, new YumaWorkspace(), true), NaiveYumaEpoch.run(q, in), 300);
            }
        }
    }

    @Test
    void largeWeightMatrixTakesTheIntRowPathAndEqualsNaive() {
        int v = 64;
        int n = 1100;
        YumaInputs in = SyntheticYumaInputs.dense(v, n, 41);
        YumaParams p = YumaParams.newSubnetDefaults().withMaxAllowedValidators(v);
        for (YumaParams q : new YumaParams[] {p, p.withYuma3(true, true), p.withYuma3(false, false)}) {
            YumaWorkspace ws = new YumaWorkspace();
            ws.doubleRowsMaxBytes = (long) v * n * Double.BYTES - 1; // just too large for double rows
            YumaResult fast = new YumaConsensus(q).epoch(in, ws, true);
            assertThat(ws.doubleRows).isFalse();
            assertSame(q.toString(), fast, NaiveYumaEpoch.run(q, in), n);
        }
        YumaWorkspace byDefault = new YumaWorkspace();
        new YumaConsensus(p).epoch(SyntheticYumaInputs.dense(256, 4096, 5), byDefault);
        assertThat(byDefault.doubleRows).as("256 x 4096 (8 MiB) takes the double rows by default").isTrue();
        assertThat(256L * 4096 * Double.BYTES).isLessThanOrEqualTo(YumaConsensus.DOUBLE_ROWS_MAX_BYTES);
    }

    @Test
    void doubleRowAndIntRowPathsGiveIdenticalResults() {
        SplittableRandom rnd = new SplittableRandom(20260202);
        YumaWorkspace small = new YumaWorkspace();
        small.doubleRowsMaxBytes = Long.MAX_VALUE;
        small.ranksInBlockMinBytes = Long.MAX_VALUE; // ranks row by row
        YumaWorkspace blocked = new YumaWorkspace();
        blocked.doubleRowsMaxBytes = Long.MAX_VALUE;
        blocked.ranksInBlockMinBytes = -1; // ranks in the column blocks, as for a W larger than L2
        YumaWorkspace large = new YumaWorkspace();
        large.doubleRowsMaxBytes = -1; // int rows even with no weight rows
        for (int trial = 0; trial < 300; trial++) {
            boolean bench = trial % 3 == 0;
            int n = bench ? 20 + rnd.nextInt(200) : 1 + rnd.nextInt(70);
            YumaParams p = bench
                    ? YumaParams.newSubnetDefaults().withMaxAllowedValidators(1 + rnd.nextInt(n))
                    : RandomYumaInputs.params(rnd, n);
            YumaInputs in = bench
                    ? SyntheticYumaInputs.dense(Math.max(1, n / 4), n, trial)
                    : RandomYumaInputs.generate(rnd, n, rnd.nextBoolean());
            boolean withFixed = rnd.nextBoolean();
            YumaConsensus yuma = new YumaConsensus(p);
            YumaResult a = yuma.epoch(in, small, withFixed);
            boolean aDouble = small.doubleRows;
            YumaResult b = yuma.epoch(in, large, withFixed);
            YumaResult c = yuma.epoch(in, blocked, withFixed);
            assertThat(c.ranks()).as("ranks in blocks, trial " + trial).isEqualTo(a.ranks());
            assertThat(c.validatorTrust()).as("ranks in blocks, trial " + trial).isEqualTo(a.validatorTrust());
            assertThat(c.dividends()).as("ranks in blocks, trial " + trial).isEqualTo(a.dividends());
            assertThat(c.bondsU16()).as("ranks in blocks, trial " + trial).isDeepEqualTo(a.bondsU16());
            assertThat(aDouble).isTrue();
            assertThat(large.doubleRows).isFalse();
            String what = "trial " + trial + " " + p;
            assertThat(a.consensus()).as(what).isEqualTo(b.consensus());
            assertThat(a.validatorTrust()).as(what).isEqualTo(b.validatorTrust());
            assertThat(a.ranks()).as(what).isEqualTo(b.ranks());
            assertThat(a.incentive()).as(what).isEqualTo(b.incentive());
            assertThat(a.dividends()).as(what).isEqualTo(b.dividends());
            assertThat(a.emissionRao()).as(what).isEqualTo(b.emissionRao());
            assertThat(a.bondsU16()).as(what).isDeepEqualTo(b.bondsU16());
            if (withFixed) {
                assertThat(a.bondsFixed()).as(what).isDeepEqualTo(b.bondsFixed());
            }
        }
    }

    static void assertSame(String what, YumaResult a, YumaResult b, int n) {
        assertThat(a.active()).as(what).isEqualTo(b.active());
        assertThat(a.newValidatorPermits()).as(what).isEqualTo(b.newValidatorPermits());
        double[][] fa = {a.stakeNormalized(), a.activeStake(), a.consensus(), a.validatorTrust(), a.ranks(), a.incentive(), a.dividends()};
        double[][] fb = {b.stakeNormalized(), b.activeStake(), b.consensus(), b.validatorTrust(), b.ranks(), b.incentive(), b.dividends()};
        for (int k = 0; k < fa.length; k++) {
            for (int i = 0; i < n; i++) {
                assertThat(fa[k][i]).as(what + " field " + k + " uid " + i).isCloseTo(fb[k][i], within(1e-9));
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(a.serverEmissionRao()[i]).as(what).isCloseTo(b.serverEmissionRao()[i], within(2L));
            assertThat(a.validatorEmissionRao()[i]).as(what).isCloseTo(b.validatorEmissionRao()[i], within(2L));
            assertThat(a.bondsU16()[i] == null).as(what).isEqualTo(b.bondsU16()[i] == null);
            if (a.bondsU16()[i] != null) {
                for (int j = 0; j < n; j++) {
                    assertThat(a.bondsU16()[i][j]).as(what + " bond " + i + "," + j).isCloseTo(b.bondsU16()[i][j], within(1));
                    assertThat(a.bondsFixed()[i][j]).as(what).isCloseTo(b.bondsFixed()[i][j], within(1e-9));
                }
            }
        }
    }
}
