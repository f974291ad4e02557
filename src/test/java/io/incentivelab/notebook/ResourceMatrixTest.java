package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subnet × resource matrix, labels and number formats, from the stored output of a real run (the
 * speed / storage / accuracy example: three subnets, 6 replicates).
 */
class ResourceMatrixTest {

    static ExperimentOutput example() throws Exception {
        NotebookFile nb = NotebookCodec.readFile(Files.readString(Path.of("data/examples/speed-storage-accuracy.notebook.json")));
        return (ExperimentOutput) nb.outputs().get("ssa-run");
    }

    @Test
    void theMatrixHoldsEachSubnetsShareOfEachResourceWithItsCi() throws Exception {
        ExperimentOutput o = example();
        assertThat(ResourceMatrix.available(o.metrics())).isTrue();
        ResourceMatrix m = ResourceMatrix.of(o.points().get(0).metrics()).orElseThrow();
        assertThat(m.subnets()).containsExactly("speed", "storage", "accuracy");
        assertThat(m.resources()).containsExactly("compute", "storage", "quality");
        for (int j = 0; j < 3; j++) {
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                MetricSummary c = m.cells().get(i).get(j);
                assertThat(c.n()).isEqualTo(6);
                assertThat(c.ci95Low()).isLessThanOrEqualTo(c.mean());
                assertThat(c.ci95High()).isGreaterThanOrEqualTo(c.mean());
                sum += c.mean();
            }
            assertThat(sum).as("the subnets' shares of " + m.resources().get(j)).isCloseTo(1, within(1e-9));
        }
        assertThat(m.cell("speed", "compute")).isEqualTo(o.points().get(0).metrics().get("network.resourceShareBySubnet.compute.speed"));
        // the speed subnet rewards compute, the storage subnet storage: each holds most of its resource
        assertThat(m.cell("speed", "compute").mean()).isGreaterThan(0.5);
        assertThat(m.cell("storage", "storage").mean()).isGreaterThan(0.5);
        assertThat(m.cell("speed", "compute").text()).matches("0\\.\\d{4} ± 0\\.\\d{1,4} \\(6\\)");
        assertThat(ResourceMatrix.of(Map.of("speed.giniEmission", m.cell("speed", "compute")))).isEmpty();
    }

    @Test
    void nearZeroValuesAndIntervalsReadZero() throws Exception {
        ExperimentOutput o = example();
        MetricSummary miner = o.points().get(0).metrics().get("speed.minerEmissionTao");
        assertThat(miner.halfWidth()).as("a real run's floating-point noise").isPositive().isLessThan(1e-6);
        assertThat(miner.text()).isEqualTo("492 ± 0 (6)");
        for (var p : o.points()) {
            for (MetricSummary s : p.metrics().values()) {
                assertThat(s.text()).as(s.toString()).doesNotContainPattern("e-(0[7-9]|[1-9]\\d)");
            }
        }
        assertThat(MetricSummary.number(3.2e-17)).isEqualTo("0");
        assertThat(MetricSummary.number(-4e-12)).isEqualTo("0");
        assertThat(MetricSummary.number(2.5e-5)).isEqualTo("2.50e-05");
        assertThat(new MetricSummary(4, 0.3, 0.3 - 1e-8, 0.3 + 1e-8).text()).isEqualTo("0.3 ± 0 (4)");
        assertThat(new MetricSummary(4, 0.3, 0.29, 0.31).text()).isEqualTo("0.3 ± 0.01 (4)");
    }

    @Test
    void everyMetricOfARealRunHasALabelForPeople() throws Exception {
        ExperimentOutput o = example();
        for (String m : o.metrics()) {
            assertThat(MetricLabels.of(m)).as(m).isNotEqualTo(m).doesNotContain("Tao").doesNotContain("Share");
        }
        assertThat(MetricLabels.of("speed.giniEmission")).isEqualTo("speed · Gini of miner emission");
        assertThat(MetricLabels.of("speed.final.top1Share")).isEqualTo("speed · top-1 share of miner emission (final)");
        assertThat(MetricLabels.of("network.resourceShareBySubnet.compute.speed")).isEqualTo("speed · share of the network's compute");
        assertThat(MetricLabels.of("network.issuanceTao")).isEqualTo("network issuance (TAO/day)");
        assertThat(MetricLabels.of("speed.lorenzEmission.p30")).isEqualTo("poorest 30% of operators' share of miner emission"
                .replaceFirst("^", "speed · "));
        assertThat(MetricLabels.of("speed.somethingNew")).isEqualTo("speed.somethingNew");
        assertThat(MetricLabels.withKey("speed.giniEmission")).isEqualTo("speed · Gini of miner emission — speed.giniEmission");
        assertThat(MetricLabels.withKey("speed.somethingNew")).isEqualTo("speed.somethingNew");
    }

    @Test
    void aMatrixChartIsAHeatMapOfSharesWithCis() throws Exception {
        ExperimentOutput o = example();
        ChartCell cell = new ChartCell("m", "", "ssa-run", "MATRIX", ResourceMatrix.METRIC, List.of());
        assertThat(NotebookAnalysis.metricsFor("MATRIX", o)).containsExactly(ResourceMatrix.METRIC);
        ChartOutput chart = NotebookAnalysis.chart(cell, o, null);
        var option = chart.option();
        assertThat(option.at("/series/0/type").asText()).isEqualTo("heatmap");
        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"compute\",\"storage\",\"quality\"]");
        assertThat(option.at("/yAxis/data").toString()).isEqualTo("[\"speed\",\"storage\",\"accuracy\"]");
        assertThat(chart.dataPoints()).isEqualTo(9);
        MetricSummary sc = o.points().get(0).metrics().get("network.resourceShareBySubnet.compute.speed");
        assertThat(option.at("/series/0/data/0/value/2").asDouble()).isCloseTo(sc.mean(), within(1e-4));
        assertThat(option.at("/series/0/data/0/name").asText()).startsWith("resource compute, subnet speed: 0.6278 (95% CI 0.606–0.6497)");
        assertThat(option.at("/visualMap/max").asDouble()).isEqualTo(1);
        assertThat(option.at("/yAxis/inverse").asBoolean()).as("the first subnet on top").isTrue();
    }
}
