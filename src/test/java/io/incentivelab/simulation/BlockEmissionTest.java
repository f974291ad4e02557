package io.incentivelab.simulation;

import org.junit.jupiter.api.Test;

import static io.incentivelab.simulation.BlockEmission.RAO_PER_TAO;
import static org.assertj.core.api.Assertions.assertThat;

class BlockEmissionTest {

    private static final long M = 1_000_000L * RAO_PER_TAO;

    @Test
    void halvesAtTheIssuanceThresholds() {
        assertThat(BlockEmission.perBlockRao(0)).isEqualTo(RAO_PER_TAO);
        assertThat(BlockEmission.perBlockRao(10_500_000L * RAO_PER_TAO - 1)).isEqualTo(RAO_PER_TAO);
        assertThat(BlockEmission.perBlockRao(10_500_000L * RAO_PER_TAO)).isEqualTo(RAO_PER_TAO / 2);
        assertThat(BlockEmission.perBlockRao(15_750_000L * RAO_PER_TAO - 1)).isEqualTo(RAO_PER_TAO / 2);
        assertThat(BlockEmission.perBlockRao(15_750_000L * RAO_PER_TAO)).isEqualTo(RAO_PER_TAO / 4);
        assertThat(BlockEmission.perBlockRao(18_375_000L * RAO_PER_TAO)).isEqualTo(RAO_PER_TAO / 8);
        assertThat(BlockEmission.perBlockRao(21 * M)).isZero();
    }

    @Test
    void anEpochThatCrossesAThresholdChangesRateAtTheRightBlock() {
        // 100.5 TAO below the first halving: 101 blocks at 1 TAO reach it (the 101st crosses), the rest at 0.5
        long start = 10_500_000L * RAO_PER_TAO - 100 * RAO_PER_TAO - RAO_PER_TAO / 2;
        long total = BlockEmission.overBlocksRao(start, 360);
        assertThat(total).isEqualTo(101 * RAO_PER_TAO + 259 * RAO_PER_TAO / 2);
        // same as stepping block by block
        long issuance = start;
        long naive = 0;
        for (int b = 0; b < 360; b++) {
            long e = BlockEmission.perBlockRao(issuance);
            naive += e;
            issuance += e;
        }
        assertThat(total).isEqualTo(naive);
    }

    @Test
    void stopsAtTheCap() {
        assertThat(BlockEmission.overBlocksRao(21 * M, 360)).isZero();
    }
}
