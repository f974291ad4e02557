package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.scenario.ScenarioCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warnings an experiment's results carry when an incentive fails: from real runs, and at the thresholds. */
class ResultWarningsTest {

    private static ExperimentOutput run(String scenario, Axis axis) throws InterruptedException {
        ScenarioCell sc = new ScenarioCell("s", "noisy", (ObjectNode) ScenarioCodec.readTree(scenario));
        ExperimentCell e = new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(axis), 3, 11, null);
        NotebookDocument doc = new NotebookDocument(1, "t", List.of(sc, e));
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.check(NotebookRuns.spec(doc, e), new ExperimentLimits(1000, 100, 100), null), engine::validate);
        LocalExperiment r = LocalExperiment.run(plan, engine, 1, Double.NaN, null, true);
        return NotebookRuns.output(new ExperimentResults(r.end(), r.plan(), r.points()));
    }

    private static ExperimentOutput only(ExperimentOutput o, int point) {
        return new ExperimentOutput(o.experimentId(), o.status(), o.message(), o.inputHash(), o.engine(), o.totalRuns(),
                o.doneRuns(), o.failedRuns(), o.finishedAt(), o.metrics(), List.of(o.points().get(point)));
    }

    @Test
    void topOneUnderNoisyValidatorsPaysMinersFarLessThanTheirShare() throws Exception {
        ExperimentOutput o = run("""
                {"schemaVersion": 1, "name": "noisy", "network": {"horizonDays": 1, "sampleEveryEpochs": 5},
                 "subnets": [{"name": "speed", "rewardCurve": {"type": "TOP_K", "k": 1},
                              "miners": {"operators": 64}, "validators": {"count": 32}}]}""",
                Axis.list("$.subnets[0].validators.noiseSigma", List.of(DoubleNode.valueOf(0.1), DoubleNode.valueOf(1.0))));
        PointResult noisy = o.points().get(1);
        double minerShare = noisy.metrics().get("speed.minerEmissionTao").mean() / noisy.metrics().get("speed.emissionTao").mean();
        assertThat(minerShare).as("the real run pays miners little").isLessThan(0.2);

        List<ResultWarnings.Warning> w = ResultWarnings.of(o, s -> 0.41);
        assertThat(w).extracting(ResultWarnings.Warning::kind).containsExactly("MINERS_SHORT", "VALIDATORS_MAJORITY");
        assertThat(w.get(0).text()).startsWith("Miners of subnet speed get " + ResultWarnings.pct(minerShare) + " of its emission")
                .contains("far less than the 41 %", "(at subnets[0].validators.noiseSigma = 1.0)");
        assertThat(w.get(1).text()).startsWith("Validators take").contains("subnet speed");
        // the quiet validators' point alone: no warning
        assertThat(ResultWarnings.of(only(o, 0), s -> 0.41)).isEmpty();
        // a network that gives miners little on purpose is not a failure of the incentive
        assertThat(ResultWarnings.of(only(o, 1), s -> 0.1)).extracting(ResultWarnings.Warning::kind)
                .containsExactly("VALIDATORS_MAJORITY");
        assertThat(ResultWarnings.of(only(o, 1), s -> 0.41).get(0).text()).doesNotContain("(at");
    }

    private static MetricSummary m(double mean) {
        return new MetricSummary(3, mean, mean, mean);
    }

    private static ExperimentOutput synthetic(double miners, double validators, double cheaters, double copiers, double sybils) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        metrics.put("a.emissionTao", m(100));
        metrics.put("a.minerEmissionTao", m(100 * miners));
        metrics.put("a.validatorEmissionTao", m(100 * validators));
        metrics.put("a.cheaterEmissionShare", m(cheaters));
        metrics.put("a.copierEmissionShare", m(copiers));
        metrics.put("a.sybilEmissionShare", m(sybils));
        metrics.put("network.minerEmissionTao", m(1));
        return new ExperimentOutput("x", "COMPLETED", null, "h", "engine", 3, 3, 0, null, List.copyOf(metrics.keySet()),
                List.of(new PointResult("s", Map.of(), 3, 3, metrics)));
    }

    @Test
    void thresholds() {
        assertThat(ResultWarnings.of(synthetic(0.41, 0.41, 0.2, 0.19, 0), s -> 0.41)).isEmpty();
        assertThat(ResultWarnings.of(synthetic(0.31, 0.5, 0, 0, 0), s -> 0.41)).isEmpty();
        List<ResultWarnings.Warning> w = ResultWarnings.of(synthetic(0.30, 0.51, 0.21, 0.35, 0.6), s -> 0.41);
        assertThat(w).extracting(ResultWarnings.Warning::kind)
                .containsExactly("MINERS_SHORT", "VALIDATORS_MAJORITY", "CHEATERS", "COPIERS", "SYBILS");
        assertThat(w).extracting(ResultWarnings.Warning::subnet).containsOnly("a");
        assertThat(w.get(2).text()).isEqualTo("Cheaters take 21 % of the miners' emission in subnet a (more than 20 %).");
        assertThat(w.get(4).text()).startsWith("Sybils take 60 %");
        assertThat(ResultWarnings.of(null, s -> 0.41)).isEmpty();
    }
}
