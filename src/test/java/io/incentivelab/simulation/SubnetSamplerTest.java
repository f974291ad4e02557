package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A sample row (model.md §9): per-day emission, concentration across operators, counts, keyed by {@link SubnetMetric}. */
class SubnetSamplerTest {

    private static final long E = 2_000_000_000_000L;

    @Test
    void aSampleWritesEachMetricAtItsOrdinalAndStartsTheNextInterval() {
        Scenario s = ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\",\"metric\":\"SPEED\","
                + "\"miners\":{\"operators\":2,\"cheaterFraction\":0.5},\"validators\":{\"count\":2}}]}");
        SubnetSpec spec = s.subnets().get(0);
        Operator[] owner = new Operator[2];
        SubnetMeasurement m = new SubnetMeasurement(spec, 2, owner, new SplittableRandom(1), NormalTable.lognormal(0));
        SubnetPopulation p = new SubnetPopulation(spec, 0, 5, new SplittableRandom(2), s.economics(), 0, owner,
                m.mainResource(), 1);
        SubnetPayment pay = new SubnetPayment("a", SubnetEmissionSplit.chainDefault(), 2, owner);
        SubnetSampler sampler = new SubnetSampler(p, m, pay);
        // all miner emission to slot 0, dividends split equally
        YumaResult r = new YumaResult(null, null, new double[]{0.5, 0.5}, new double[]{0.5, 0.5}, null, null, null,
                new double[]{0, 0, 1, 0}, new double[]{0.5, 0.5}, null, null, null, null, null);
        for (int e = 0; e < 2; e++) {
            pay.pay(e, E, pay.split(E), r);
        }
        sampler.addAlphaSold(3 * BlockEmission.RAO_PER_TAO);
        int offset = 7;
        double[] row = new double[offset + SubnetMetric.values().length];
        double epochsPerDay = 20;
        sampler.sample(row, offset, 2, epochsPerDay, E, 4 * E, 0.25, null);

        double perDay = epochsPerDay / 2 / BlockEmission.RAO_PER_TAO;
        assertThat(row[offset + SubnetMetric.EMISSION_TAO.ordinal()]).isEqualTo(2 * E * perDay);
        assertThat(row[offset + SubnetMetric.MINER_EMISSION_TAO.ordinal()]
                + row[offset + SubnetMetric.VALIDATOR_EMISSION_TAO.ordinal()]
                + row[offset + SubnetMetric.OWNER_EMISSION_TAO.ordinal()])
                .isCloseTo(2 * E * perDay, within(1e-6));
        // one operator took all miner emission: top-1 share 1, Nakamoto 1, HHI 1
        assertThat(row[offset + SubnetMetric.TOP1_SHARE.ordinal()]).isEqualTo(1);
        assertThat(row[offset + SubnetMetric.NAKAMOTO_EMISSION.ordinal()]).isEqualTo(1);
        assertThat(row[offset + SubnetMetric.HHI_EMISSION.ordinal()]).isEqualTo(1);
        assertThat(row[offset + SubnetMetric.CHEATER_EMISSION_SHARE.ordinal()])
                .isEqualTo(owner[0].cheater ? 1.0 : 0.0);
        assertThat(row[offset + SubnetMetric.VALIDATOR_DIVIDEND_GINI.ordinal()]).isZero();
        assertThat(row[offset + SubnetMetric.OPERATORS.ordinal()]).isEqualTo(2);
        assertThat(row[offset + SubnetMetric.ACTIVE_UIDS.ordinal()]).isEqualTo(4);
        assertThat(row[offset + SubnetMetric.BURN_PRICE_TAO.ordinal()]).isEqualTo(0.25);
        assertThat(row[offset + SubnetMetric.EMISSION_SHARE.ordinal()]).isEqualTo(0.25);
        assertThat(row[offset + SubnetMetric.ALPHA_SOLD_BY_MINERS.ordinal()]).isCloseTo(3 * epochsPerDay / 2, within(1e-9));
        assertThat(row[offset + SubnetMetric.PRICE.ordinal()]).as("no pool under FIXED").isZero();
        assertThat(row[offset + SubnetMetric.RESOURCES_COMPUTE.ordinal()])
                .isEqualTo(owner[0].compute + owner[1].compute);
        for (int k = 0; k < offset; k++) {
            assertThat(row[k]).isZero();
        }

        sampler.sample(row, offset, 2, epochsPerDay, 0, 0, 0.25, null);
        assertThat(row[offset + SubnetMetric.EMISSION_TAO.ordinal()]).as("a new interval").isZero();
        assertThat(row[offset + SubnetMetric.ALPHA_SOLD_BY_MINERS.ordinal()]).isZero();
        assertThat(owner[0].sampleRao).isZero();
        assertThat(pay.total().miners()).as("run totals are kept").isPositive();
    }

    @Test
    void theRegistryKeepsTheOutputOrderAndTakesFlatKeysApart() {
        assertThat(SubnetMetric.KEYS).hasSize(SubnetMetric.values().length).doesNotHaveDuplicates();
        assertThat(SubnetMetric.KEYS.get(0)).isEqualTo("emissionTao");
        assertThat(SubnetMetric.LORENZ_EMISSION_P90.ordinal() - SubnetMetric.LORENZ_EMISSION_P10.ordinal() + 1)
                .isEqualTo(SubnetSampler.LORENZ_FRACTIONS.length);
        assertThat(RunSummary.FINAL_FLAT_KEYS).containsExactly("emissionTao", "giniEmission", "hhiEmission",
                "nakamotoEmission", "top1Share", "top10Share");

        FlatKey k = FlatKey.parse("sn-1.resources.compute");
        assertThat(k).isEqualTo(new FlatKey("sn-1", false, "resources.compute"));
        assertThat(k.subnetMetric()).contains(SubnetMetric.RESOURCES_COMPUTE);
        assertThat(FlatKey.parse("sn-1.final.top1Share")).isEqualTo(new FlatKey("sn-1", true, "top1Share"));
        FlatKey net = FlatKey.parse("network.resourceShareBySubnet.compute.final");
        assertThat(net.network()).isTrue();
        assertThat(net.finalValue()).isFalse();
        assertThat(net.subnetMetric()).isEmpty();
        assertThat(FlatKey.parse("final.price").subnetMetric()).as("a subnet named final").contains(SubnetMetric.PRICE);
        assertThat(FlatKey.parse("a.movingPrice").subnetMetric().orElseThrow().stored()).isFalse();
    }
}
