package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incentivelab.experiment.SensitivityAnalysis.ParameterIndices;
import io.incentivelab.experiment.SensitivityAnalysis.Result;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Sensitivity experiments (issue 19): the design as points, the indices from the runs, bad studies refused. */
class SensitivityExperimentTest {

    private static String study(String method, String metric, int samples, String extra) {
        return """
                { "schemaVersion": 1, "name": "which matters",
                  "scenarios": [ {"label": "a", "scenario": {"x": 1, "epochs": 4}} ],
                  "sensitivity": { "method": "%s", "metric": "%s", "samples": %d, %s
                    "parameters": [ {"path": "$.x", "from": 0, "to": 2},
                                    {"path": "$.epochs", "from": 1, "to": 20, "integer": true} ] },
                  "replicates": 1, "baseSeed": 7 }""".formatted(method, metric, samples, extra);
    }

    private static Result analyse(String json) throws Exception {
        ExperimentRunnerTest.Outcome o = ExperimentRunnerTest.run(json, new FakeEngine(), 2);
        assertThat(o.end().status()).isEqualTo(ExperimentStatus.COMPLETED);
        return SensitivityAnalysis.analyse(o.plan(), ResultAggregator.aggregate(o.plan(), c -> o.store().forEachRun(o.id(), c)));
    }

    private static ParameterIndices of(Result r, String path) {
        return r.scenarios().get(0).parameters().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void saltelliPointsAreTheDesignAndTheRunCountIsNTimesKPlusTwo() {
        ExperimentPlan plan = ExperimentRunnerTest.plan(study("SALTELLI", "network.issuanceTao", 16, ""), new FakeEngine());
        assertThat(plan.points()).isEqualTo(16 * (2 + 2));
        assertThat(plan.runs()).isEqualTo(64);
        assertThat(plan.spec().combine()).isEqualTo(ExperimentSpec.Combine.ZIP);
        // row 2N + j is A_j with x taken from B_j (AB_0)
        double[][] rows = SensitivityAnalysis.design(plan.spec());
        for (int j = 0; j < 16; j++) {
            assertThat(rows[32 + j][0]).isEqualTo(rows[16 + j][0]);
            assertThat(rows[32 + j][1]).isEqualTo(rows[j][1]);
        }
        assertThat(plan.point(5).assignments().get("$.x").asDouble()).isEqualTo(rows[5][0]);
        assertThat(plan.point(5).assignments().get("$.epochs").isIntegralNumber()).isTrue();
        // the stored form reads back equal
        ExperimentSpec back = ExperimentSpecCodec.parse(ExperimentSpecCodec.toJson(plan.spec()).toString(), ExperimentLimits.DEFAULT);
        assertThat(back).isEqualTo(plan.spec());
    }

    @Test
    void aParameterThatDoesNothingGetsIndexZeroAndTheOneThatMattersLeads() throws Exception {
        // network.issuanceTao = 100 + epochs: x provably does nothing
        Result r = analyse(study("SALTELLI", "network.issuanceTao", 64, "\"resamples\": 200,"));
        assertThat(r.problem()).isNull();
        ParameterIndices x = of(r, "$.x");
        ParameterIndices epochs = of(r, "$.epochs");
        assertThat(x.total().estimate()).isZero();
        assertThat(x.first().covers(0)).isTrue();
        assertThat(epochs.total().estimate()).isGreaterThan(0.9);
        assertThat(epochs.first().estimate()).isGreaterThan(0.8);
        assertThat(epochs.total().lower()).isLessThanOrEqualTo(epochs.total().estimate());
        assertThat(r.scenarios().get(0).parameters().get(0).path()).isEqualTo("$.epochs");

        // s.gini = x · u: x matters, epochs (beyond which draw u is) hardly
        Result g = analyse(study("SALTELLI", "s.gini", 64, ""));
        assertThat(of(g, "$.x").total().estimate()).isGreaterThan(of(g, "$.epochs").total().estimate());
    }

    @Test
    void inARealScenarioAParameterTheEngineDoesNotReadHasIndexZero() throws Exception {
        // economics is off, so the TAO price in USD cannot move anything; the POWER exponent moves concentration
        String json = """
                { "schemaVersion": 1, "name": "real",
                  "scenarios": [ {"label": "power", "scenario": {"network": {"horizonEpochs": 20, "sampleEveryEpochs": 10}, "economics": {},
                     "subnets": [{"name": "speed", "rewardCurve": {"type": "POWER"}, "miners": {"operators": 16},
                                  "validators": {"count": 4}}]}} ],
                  "sensitivity": { "method": "SALTELLI", "metric": "speed.giniEmission", "samples": 8, "resamples": 100,
                    "parameters": [ {"path": "$.economics.taoPriceUsd", "from": 10, "to": 1000},
                                    {"path": "$.subnets[0].rewardCurve.alpha", "from": 0.5, "to": 6} ] },
                  "replicates": 1, "baseSeed": 3 }""";
        ExperimentRunnerTest.Outcome o = ExperimentRunnerTest.run(json, new SimulationEngine(), 2);
        assertThat(o.end().status()).isEqualTo(ExperimentStatus.COMPLETED);
        Result r = SensitivityAnalysis.analyse(o.plan(), ResultAggregator.aggregate(o.plan(), c -> o.store().forEachRun(o.id(), c)));
        assertThat(r.problem()).isNull();
        assertThat(of(r, "$.economics.taoPriceUsd").total().estimate()).isZero();
        assertThat(of(r, "$.subnets[0].rewardCurve.alpha").total().estimate()).isGreaterThan(0.5);
        assertThat(r.scenarios().get(0).parameters().get(0).path()).isEqualTo("$.subnets[0].rewardCurve.alpha");
    }

    @Test
    void morrisScreensTheSameWayForFewerRuns() throws Exception {
        ExperimentPlan plan = ExperimentRunnerTest.plan(study("MORRIS", "network.issuanceTao", 10, "\"levels\": 4,"),
                new FakeEngine());
        assertThat(plan.runs()).isEqualTo(10 * 3);
        Result r = analyse(study("MORRIS", "network.issuanceTao", 10, "\"levels\": 4,"));
        assertThat(of(r, "$.x").muStar().estimate()).isZero();
        assertThat(of(r, "$.epochs").muStar().estimate()).isPositive();
        assertThat(r.scenarios().get(0).parameters().get(0).path()).isEqualTo("$.epochs");
        assertThat(SensitivityAnalysis.toMap(r)).containsKeys("method", "metric", "scenarios");
    }

    @Test
    void anUnknownMetricIsNamedWithTheKnownOnes() throws Exception {
        Result r = analyse(study("SALTELLI", "s.nope", 4, ""));
        assertThat(r.scenarios()).isEmpty();
        assertThat(r.problem()).startsWith("$.sensitivity.metric: the results have no metric 's.nope'").contains("s.gini");
    }

    @Test
    void badStudiesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(study("SOBOL", "s.gini", 8, ""), new FakeEngine()))
                .isInstanceOf(InvalidExperimentException.class).hasMessageContaining("$.sensitivity.method");
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(study("MORRIS", "s.gini", 8, "\"levels\": 3,"), new FakeEngine()))
                .hasMessageContaining("$.sensitivity.levels").hasMessageContaining("even");
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(study("SALTELLI", "s.gini", 1, ""), new FakeEngine()))
                .hasMessageContaining("$.sensitivity.samples");
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(study("SALTELLI", "s.gini", 100_000, ""), new FakeEngine()))
                .hasMessageContaining("$.sensitivity.samples").hasMessageContaining("the limit is");
        String reversed = study("SALTELLI", "s.gini", 8, "").replace("\"from\": 0, \"to\": 2", "\"from\": 2, \"to\": 2");
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(reversed, new FakeEngine()))
                .hasMessageContaining("$.sensitivity.parameters[0].to");
        String withSweep = study("SALTELLI", "s.gini", 8, "").replace("\"replicates\": 1",
                "\"sweep\": {\"axes\": []}, \"replicates\": 1");
        assertThatThrownBy(() -> ExperimentRunnerTest.plan(withSweep, new FakeEngine())).hasMessageContaining("$.sweep");
        List<SpecProblem> problems = ((InvalidExperimentException) Assertions.catchThrowable(
                () -> ExperimentRunnerTest.plan(study("SALTELLI", "s.gini", 8, "\"confidence\": 1.5,"), new FakeEngine())))
                .problems();
        assertThat(problems).extracting(SpecProblem::path).containsExactly("$.sensitivity.confidence");
    }
}
