package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.RunResult;
import io.incentivelab.simulation.RunSummary;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.SubnetMetric;
import io.incentivelab.simulation.model.Scenario;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What the experiment runner stores of a market run: the market series and the emission-share HHI. */
class SimulationEngineSeriesTest {

    @Test
    void marketRunsStoreSharesPricesAndTheirHhi() {
        String json = """
                {"network": {"horizonDays": 3, "sampleEveryEpochs": 10, "emissionSplit": "PRICE_EMA",
                             "market": {"gate": "OFF"}},
                 "subnets": [
                   {"name": "a", "miners": {"operators": 6}, "validators": {"count": 3}, "market": {"poolTao": 10000}},
                   {"name": "b", "miners": {"operators": 6}, "validators": {"count": 3}}]}""";
        RunResult r = new Simulator(ScenarioCodec.parse(json)).run(1);
        CompactSeries s = SimulationEngine.series(r.timeSeries());
        assertThat(s.names()).contains("network.crossSubnetHhi", "a.emissionShare", "b.emissionShare", "a.price",
                "a.poolTao", "a.poolAlpha", "a.alphaSoldByMiners");
        float[] hhi = s.values()[s.names().indexOf("network.crossSubnetHhi")];
        float[] ea = s.values()[s.names().indexOf("a.emissionShare")];
        float[] eb = s.values()[s.names().indexOf("b.emissionShare")];
        for (int i = 0; i < hhi.length; i++) {
            assertThat((double) hhi[i]).isCloseTo(ea[i] * (double) ea[i] + eb[i] * (double) eb[i],
                    Assertions.within(1e-6));
        }
        // prices 0.01 against 0.02: a third and two thirds, HHI 5/9 (1/2 would be an equal split)
        assertThat((double) hhi[0]).isCloseTo(5.0 / 9, Assertions.within(0.01));
    }

    @Test
    void theStoredSeriesAreTheOnesTheSuffixListOfEngine7Chose() {
        // the list this registry replaced, kept here as the reference
        List<String> suffixes = List.of(".emissionTao", ".giniEmission", ".hhiEmission", ".nakamotoEmission",
                ".top1Share", ".top10Share", ".activeUids", ".resources.compute", ".resources.storage",
                ".resources.quality", ".emissionShare", ".price", ".poolTao", ".poolAlpha", ".alphaSoldByMiners");
        Scenario s = ScenarioCodec.parse("{\"subnets\":[{\"name\":\"price\"},{\"name\":\"sn-2_x\"}]}");
        List<String> keys = Simulator.summaryFlatKeys(s);
        assertThat(keys).hasSizeGreaterThan(2 * SubnetMetric.values().length);
        for (String key : keys) {
            boolean before = !RunSummary.isFinalKey(key) && (key.equals("network.issuanceTao")
                    || key.equals("network.crossSubnetHhi")
                    || (!key.startsWith("network.") && suffixes.stream().anyMatch(key::endsWith)));
            assertThat(SimulationEngine.storedSeries(key)).as(key).isEqualTo(before);
        }
    }
}
