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
