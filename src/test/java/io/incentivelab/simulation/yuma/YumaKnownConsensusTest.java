package io.incentivelab.simulation.yuma;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** An epoch given the consensus it would compute returns exactly what the full epoch returns. */
class YumaKnownConsensusTest {

    @Test
    void epochWithItsOwnConsensusIsIdenticalToTheFullEpoch() {
        SplittableRandom rnd = new SplittableRandom(17);
        YumaWorkspace ws = new YumaWorkspace();
        for (int t = 0; t < 300; t++) {
            int n = 2 + rnd.nextInt(40);
            YumaInputs in = RandomYumaInputs.generate(rnd, n, t % 2 == 0);
            YumaConsensus yuma = new YumaConsensus(RandomYumaInputs.params(rnd, n));
            YumaResult full = yuma.epoch(in, ws);
            YumaResult known = yuma.epochWithConsensus(in, ws, full.consensus().clone());
            assertThat(known.consensus()).containsExactly(full.consensus());
            assertThat(known.incentive()).containsExactly(full.incentive());
            assertThat(known.dividends()).containsExactly(full.dividends());
            assertThat(known.validatorTrust()).containsExactly(full.validatorTrust());
            assertThat(known.emissionRao()).containsExactly(full.emissionRao());
            for (int i = 0; i < n; i++) {
                assertThat(known.bondsU16()[i]).isEqualTo(full.bondsU16()[i]);
            }
        }
    }
}
