package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.scenario.ScenarioCodec;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Charts and comparisons from a real (small) experiment: proportional vs winner-take-all, 4 replicates each. */
class NotebookAnalysisTest {

    static final String SCENARIO = """
            {"schemaVersion": 1, "name": "tiny", "network": {"horizonDays": 1, "sampleEveryEpochs": 5},
             "subnets": [{"name": "alpha", "miners": {"operators": 10}, "validators": {"count": 3}},
                         {"name": "beta", "metric": "STORAGE", "miners": {"operators": 6}, "validators": {"count": 3}}]}""";

    static NotebookDocument doc;
    static ExperimentCell experiment;
    static ExperimentOutput output;
    static ExperimentData data;

    @BeforeAll
    static void run() throws Exception {
        ScenarioCell sc = new ScenarioCell("s", "tiny", (ObjectNode) ScenarioCodec.readTree(SCENARIO));
        experiment = new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(Axis.list("$.subnets[0].rewardCurve.type",
                List.of(TextNode.valueOf("PROPORTIONAL"),
                        TextNode.valueOf("WINNER_TAKE_ALL")))), 4, 3, null);
        doc = new NotebookDocument(1, "t", List.of(sc, experiment));
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.check(NotebookRuns.spec(doc, experiment), new ExperimentLimits(1000, 100, 100), null), engine::validate);
        LocalExperiment run = LocalExperiment.run(plan, engine, 1, Double.NaN, null, true);
        output = NotebookRuns.output(new ExperimentResults(run.end(), run.plan(), run.points()));
        data = ExperimentData.of(run);
    }

    private static ChartOutput chart(String kind, String metric) {
        return NotebookAnalysis.chart(new ChartCell("c", "", "e", kind, metric, List.of()), output, data);
    }

    @Test
    void everyKindOfChartDrawsPoints() {
        ChartOutput ts = chart("TIME_SERIES", "alpha.giniEmission");
        assertThat(ts.dataPoints()).isGreaterThan(10);
        assertThat(ts.option().at("/legend/data").toString()).contains("WINNER_TAKE_ALL").contains("(n=4)");
        ChartOutput lorenz = chart("LORENZ", "alpha.lorenzEmission");
        assertThat(lorenz.option().at("/series").size()).isEqualTo(1 + 2 * 3);
        assertThat(lorenz.option().at("/series/1/data/10/1").asDouble()).isEqualTo(1.0);
        ChartOutput allSubnets = chart("LORENZ", "lorenzResource");
        assertThat(allSubnets.option().at("/legend/data").toString()).contains("alpha").contains("beta");
        ChartOutput stacked = chart("RESOURCES", "resources.compute");
        assertThat(stacked.option().at("/series/0/stack").asText()).isEqualTo("total");
        assertThat(stacked.option().at("/legend/data").toString()).isEqualTo("[\"alpha\",\"beta\"]");
        ChartOutput sweep = chart("SWEEP", "alpha.top1Share");
        assertThat(sweep.option().at("/xAxis/data").toString()).isEqualTo("[\"PROPORTIONAL\",\"WINNER_TAKE_ALL\"]");
        assertThat(sweep.option().at("/series/1/type").asText()).isEqualTo("boxplot");
        // winner-take-all pays the top operator (nearly) everything
        assertThat(sweep.option().at("/series/0/data/1/1").asDouble()).isGreaterThan(sweep.option().at("/series/0/data/0/1").asDouble());
        assertThat(NotebookAnalysis.metricsFor("LORENZ", output)).contains("alpha.lorenzEmission", "lorenzEmission");
        assertThat(NotebookAnalysis.metricsFor("TIME_SERIES", output)).contains("alpha.giniEmission", "beta.resources.storage")
                .doesNotContain("alpha.lorenzEmission.p10")
                .doesNotContain("alpha.final.giniEmission", "network.final.issuanceTao"); // final values have no series
        // final values are metrics like any other: a sweep chart can draw them
        assertThat(NotebookAnalysis.metricsFor("SWEEP", output)).contains("alpha.final.giniEmission");
        ChartOutput finalSweep = chart("SWEEP", "alpha.final.top1Share");
        assertThat(finalSweep.option().at("/series/0/data/1/1").asDouble())
                .isGreaterThan(finalSweep.option().at("/series/0/data/0/1").asDouble());
    }

    @Test
    void comparisonHasIntervalsTestsAndTheParameterDiff() {
        CompareOutput c = NotebookAnalysis.compare(new CompareCell("k", "", "e", 0, 1, "alpha.top1S"), output, data);
        assertThat(c.rows()).extracting(CompareOutput.Row::metric).containsExactly("alpha.top1Share");
        CompareOutput.Row r = c.rows().get(0);
        assertThat(r.nA()).isEqualTo(4);
        assertThat(r.meanA()).isBetween(r.lowA(), r.highA());
        assertThat(r.difference()).isCloseTo(r.meanA() - r.meanB(), Offset.offset(1e-12));
        assertThat(r.welchP()).isBetween(0.0, 1.0);
        assertThat(r.mannWhitneyP()).isBetween(0.0, 1.0);
        assertThat(c.parameters()).extracting(CompareOutput.ParameterDiff::path).containsExactly("$.subnets[0].rewardCurve.type");
        assertThat(c.labelB()).contains("WINNER_TAKE_ALL");
        assertThatThrownBy(() -> NotebookAnalysis.compare(new CompareCell("k", "", "e", 1, 1, ""), output, data))
                .hasMessageContaining("two different points");
    }

    @Test
    void constantSamplesAreCalledIdenticalOrUntestableNotSignificant() {
        CompareOutput c = NotebookAnalysis.compare(new CompareCell("k", "", "e", 0, 1, "alpha."), output, data);
        // every run issues the subnet the same TAO under either curve
        CompareOutput.Row emission = c.rows().stream().filter(r -> r.metric().equals("alpha.emissionTao")).findFirst().orElseThrow();
        assertThat(CompareSummaries.identical(emission)).isTrue();
        assertThat(CompareSummaries.welch(emission)).isEqualTo("identical");
        assertThat(CompareSummaries.mannWhitney(emission)).isEqualTo("identical");
        assertThat(CompareSummaries.hedges(emission)).isEqualTo("identical");
        assertThat(CompareSummaries.sentence(emission)).contains("identical").doesNotContain("p <", "significant", "Hedges");
        // a real difference with real spread keeps its tests
        CompareOutput.Row top1 = c.rows().stream().filter(r -> r.metric().equals("alpha.top1Share")).findFirst().orElseThrow();
        assertThat(CompareSummaries.noSpread(top1)).isFalse();
        assertThat(CompareSummaries.welch(top1)).isEqualTo(CompareSummaries.p(top1.welchP()));

        // constant but different (spread at rounding noise, as summed TAO has): no p, no effect size
        CompareOutput.Row flat = new CompareOutput.Row("m", 6, 492.0027456582222, 492.00274565140785, 492.0027456650365, 6,
                480.5, 480.49999999, 480.50000001, 11.5027456582222, 1e-30, 0.002, 169.0);
        assertThat(CompareSummaries.noSpread(flat)).isTrue();
        assertThat(CompareSummaries.identical(flat)).isFalse();
        assertThat(CompareSummaries.welch(flat)).isEqualTo("no spread");
        assertThat(CompareSummaries.hedges(flat)).isEqualTo("no spread");
        assertThat(CompareSummaries.sentence(flat)).contains("higher under A in every run", "no test").doesNotContain("169", "< 0.0001");
        CompareOutput.Row one = new CompareOutput.Row("m", 1, 2, Double.NaN, Double.NaN, 1, 2, Double.NaN, Double.NaN, 0,
                Double.NaN, 1, Double.NaN);
        assertThat(CompareSummaries.noSpread(one)).as("one run says nothing about spread").isFalse();
    }

    @Test
    void twoGridAxesGiveAHeatMapAndNoAxesOneBarPerScenario() throws Exception {
        ScenarioCell sc = new ScenarioCell("s", "tiny", (ObjectNode) ScenarioCodec.readTree(SCENARIO));
        ExperimentCell two = new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(
                Axis.list("$.subnets[0].rewardCurve.type", List.of(TextNode.valueOf(
                        "PROPORTIONAL"), TextNode.valueOf("WINNER_TAKE_ALL"))),
                Axis.list("$.subnets[0].miners.operators", List.of(
                        IntNode.valueOf(4), IntNode.valueOf(8),
                        IntNode.valueOf(12)))), 2, 5, null);
        NotebookDocument d = new NotebookDocument(1, "t", List.of(sc, two));
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.check(NotebookRuns.spec(d, two), new ExperimentLimits(1000, 100, 100), null), engine::validate);
        LocalExperiment run = LocalExperiment.run(plan, engine, 1, Double.NaN, null, false);
        ExperimentOutput out = NotebookRuns.output(new ExperimentResults(run.end(), run.plan(), run.points()));
        ChartOutput heat = NotebookAnalysis.chart(new ChartCell("c", "", "e", "SWEEP", "alpha.giniEmission", List.of()), out,
                ExperimentData.of(run));
        assertThat(heat.option().at("/series/0/type").asText()).isEqualTo("heatmap");
        assertThat(heat.option().at("/xAxis/data").toString()).isEqualTo("[\"PROPORTIONAL\",\"WINNER_TAKE_ALL\"]");
        assertThat(heat.option().at("/yAxis/data").toString()).isEqualTo("[\"4\",\"8\",\"12\"]");
        assertThat(heat.dataPoints()).isEqualTo(6);
        for (var item : heat.option().at("/series/0/data")) {
            assertThat(item.path("value").get(2).isNumber()).as(item.toString()).isTrue();
            assertThat(item.path("name").asText()).as(item.toString()).contains("95% CI");
        }

        ExperimentCell none = new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(), 2, 5, null);
        NotebookDocument d0 = new NotebookDocument(1, "t", List.of(sc, none));
        ExperimentPlan plan0 = ExperimentPlan.of(ExperimentSpecCodec.check(NotebookRuns.spec(d0, none), new ExperimentLimits(1000, 100, 100), null), engine::validate);
        LocalExperiment run0 = LocalExperiment.run(plan0, engine, 1, Double.NaN, null, false);
        ExperimentOutput out0 = NotebookRuns.output(new ExperimentResults(run0.end(), run0.plan(), run0.points()));
        ChartOutput bars = NotebookAnalysis.chart(new ChartCell("c", "", "e", "SWEEP", "alpha.giniEmission", List.of()), out0,
                ExperimentData.of(run0));
        assertThat(bars.option().at("/xAxis/data").toString()).isEqualTo("[\"tiny\"]");
        assertThatThrownBy(() -> NotebookAnalysis.chart(new ChartCell("c", "", "e", "TIME_SERIES", "", List.of()), out0,
                ExperimentData.of(run0))).hasMessage("choose a metric");
    }
}
