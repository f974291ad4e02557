package io.incentivelab.simulation.emission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmissionTest {

    private static final long TAO = BlockEmission.RAO_PER_TAO;

    @Test
    void fullEmissionBeforeFirstHalving() {
        assertThat(BlockEmission.forIssuance(0)).isEqualTo(TAO);
        assertThat(BlockEmission.forIssuance(10_500_000L * TAO - 1)).isEqualTo(TAO);
    }

    @Test
    void halvesExactlyAtThresholds() {
        assertThat(BlockEmission.forIssuance(10_500_000L * TAO)).isEqualTo(TAO / 2);
        assertThat(BlockEmission.forIssuance(15_750_000L * TAO - 1)).isEqualTo(TAO / 2);
        assertThat(BlockEmission.forIssuance(15_750_000L * TAO)).isEqualTo(TAO / 4);
        assertThat(BlockEmission.forIssuance(18_375_000L * TAO - 1)).isEqualTo(TAO / 4);
        assertThat(BlockEmission.forIssuance(18_375_000L * TAO)).isEqualTo(TAO / 8);
        assertThat(BlockEmission.forIssuance(19_687_500L * TAO)).isEqualTo(TAO / 16);
        assertThat(BlockEmission.forIssuance(20_343_750L * TAO)).isEqualTo(TAO / 32);
        assertThat(BlockEmission.halvingThresholdRao(1)).isEqualTo(10_500_000L * TAO);
        assertThat(BlockEmission.halvingThresholdRao(3)).isEqualTo(18_375_000L * TAO);
    }

    @Test
    void zeroAtAndAfterCap() {
        assertThat(BlockEmission.forIssuance(BlockEmission.CAP_RAO)).isZero();
        assertThat(BlockEmission.forIssuance(BlockEmission.CAP_RAO + 5)).isZero();
        assertThat(BlockEmission.forIssuance(BlockEmission.CAP_RAO - 1)).isZero(); // 2^-34 TAO floors to 0 rao
        assertThat(BlockEmission.forIssuance(BlockEmission.CAP_RAO - 1_000_000L * TAO)).isEqualTo(TAO >> 4);
    }

    @Test
    void recyclingLowersIssuanceAndDelaysHalving() {
        IssuanceTracker t = new IssuanceTracker(10_500_000L * TAO - TAO / 2);
        assertThat(t.mintBlock()).isEqualTo(TAO);
        assertThat(t.blockEmissionRao()).isEqualTo(TAO / 2);
        t.recycle(TAO);
        assertThat(t.issuanceRao()).isEqualTo(10_500_000L * TAO - TAO / 2);
        assertThat(t.blockEmissionRao()).isEqualTo(TAO);
        t.burn(5 * TAO);
        assertThat(t.issuanceRao()).isEqualTo(10_500_000L * TAO - TAO / 2);
        assertThat(t.burnedRao()).isEqualTo(5 * TAO);
    }

    @Test
    void mintingStopsAtCap() {
        IssuanceTracker t = new IssuanceTracker(BlockEmission.CAP_RAO - 10);
        assertThat(t.mint(TAO)).isEqualTo(10);
        assertThat(t.issuanceRao()).isEqualTo(BlockEmission.CAP_RAO);
        assertThat(t.mintBlock()).isZero();
    }

    @Test
    void subnetSplitIs18_41_41AndConserves() {
        SubnetEmissionSplit.Parts p = SubnetEmissionSplit.chainDefault().split(TAO);
        assertThat(p.owner()).isEqualTo(179_995_422L); // floor(1e9 · 11796/65535)
        assertThat(p.miners()).isEqualTo(410_002_289L);
        assertThat(p.validators()).isEqualTo(410_002_289L);
        assertThat(p.total()).isEqualTo(TAO);
        SubnetEmissionSplit.Parts q = new SubnetEmissionSplit(0, 0.3).split(1001, 0.25);
        assertThat(q.owner()).isZero();
        assertThat(q.miners()).isEqualTo(300);
        assertThat(q.root()).isEqualTo(175);
        assertThat(q.validators()).isEqualTo(526);
        assertThat(q.total()).isEqualTo(1001);
    }
}
