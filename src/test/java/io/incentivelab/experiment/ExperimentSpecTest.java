package io.incentivelab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {

    static final String GRID = """
            { "schemaVersion": 1, "name": "grid",
              "scenarios": [ {"label": "a", "scenario": {"x": 1, "mode": "P"}}, {"label": "b", "scenario": {"x": 2, "mode": "P"}} ],
              "sweep": { "combine": "GRID", "axes": [
                 {"path": "$.x", "kind": "RANGE", "from": 0, "to": 1, "steps": 3},
                 {"path": "$.mode", "kind": "LIST", "values": ["P", "W"]} ] },
              "replicates": 4, "baseSeed": 42 }""";

    private static List<SpecProblem> problems(String json) {
        return catchThrowableOfType(InvalidExperimentException.class,
                () -> ExperimentPlan.of(ExperimentSpecCodec.parse(json, ExperimentLimits.DEFAULT, new FakeEngine()::validate), new FakeEngine()::validate))
                .problems();
    }

    @Test
    void expandsAGridScenarioMajorFirstAxisSlowest() {
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(GRID, ExperimentLimits.DEFAULT), new FakeEngine()::validate);
        assertThat(plan.points()).isEqualTo(12);
        assertThat(plan.runs()).isEqualTo(48);
        ExperimentPoint p = plan.point(7);
        assertThat(p.scenarioLabel()).isEqualTo("b");
        assertThat(p.assignments().toString()).isEqualTo("{$.x=0.0, $.mode=\"W\"}");
        assertThat(plan.point(3).assignments().toString()).isEqualTo("{$.x=0.5, $.mode=\"W\"}");
        assertThat(plan.scenario(5).toString()).isEqualTo("{\"x\":1.0,\"mode\":\"W\"}");
        RunRef r = plan.run(30);
        assertThat(r.pointIndex()).isEqualTo(7);
        assertThat(r.replicate()).isEqualTo(2);
        assertThat(r.seed()).isEqualTo(RunSeeds.forRun(42, 7, 2));
    }

    @Test
    void zipsAxesAndSamplesDeterministically() {
        String json = """
                { "schemaVersion": 1, "name": "zip", "scenarios": [ {"label": "a", "scenario": {"x": 1, "epochs": 5}} ],
                  "sweep": { "combine": "ZIP", "axes": [
                     {"path": "$.x", "kind": "LATIN_HYPERCUBE", "from": 0, "to": 10, "n": 5},
                     {"path": "$.epochs", "kind": "UNIFORM", "from": 2, "to": 20, "n": 5, "integer": true} ] },
                  "baseSeed": 1 }""";
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(json, ExperimentLimits.DEFAULT), s -> List.of());
        assertThat(plan.points()).isEqualTo(5);
        assertThat(plan.spec().replicates()).isEqualTo(1);
        // Latin hypercube: exactly one value in each fifth of [0, 10)
        boolean[] stratum = new boolean[5];
        for (JsonNode v : plan.axisValues().get(0)) {
            stratum[(int) (v.asDouble() / 2)] = true;
        }
        assertThat(stratum).containsOnly(true);
        assertThat(plan.axisValues().get(1)).allMatch(JsonNode::isIntegralNumber);
        ExperimentPlan again = ExperimentPlan.of(ExperimentSpecCodec.parse(json, ExperimentLimits.DEFAULT), s -> List.of());
        assertThat(again.axisValues()).isEqualTo(plan.axisValues());
    }

    @Test
    void sobolSkipsTheOriginAndZippedAxesAreJointDimensions() {
        String json = """
                { "schemaVersion": 1, "name": "sobol", "scenarios": [ {"label": "a", "scenario": {"x": 1, "epochs": 5}} ],
                  "sweep": { "combine": "ZIP", "axes": [
                     {"path": "$.x", "kind": "SOBOL", "from": 0, "to": 1, "n": 4},
                     {"path": "$.epochs", "kind": "SOBOL", "from": 0, "to": 8, "n": 4} ] },
                  "baseSeed": 1 }""";
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(json, ExperimentLimits.DEFAULT), s -> List.of());
        assertThat(plan.axisValues().get(0).stream().map(JsonNode::asDouble)).containsExactly(0.5, 0.75, 0.25, 0.375);
        assertThat(plan.axisValues().get(1).stream().map(JsonNode::asDouble)).containsExactly(4.0, 2.0, 6.0, 3.0);
    }

    @Test
    void specRoundTripsThroughItsCanonicalJson() {
        ExperimentSpec spec = ExperimentSpecCodec.parse(GRID, ExperimentLimits.DEFAULT);
        ExperimentSpec back = ExperimentSpecCodec.parse(ExperimentSpecCodec.toJson(spec).toString(), ExperimentLimits.DEFAULT);
        assertThat(ExperimentSpecCodec.toJson(back)).isEqualTo(ExperimentSpecCodec.toJson(spec));
        assertThat(back.points()).isEqualTo(12);
    }

    @Test
    void listsEveryProblemWithItsPath() {
        List<SpecProblem> problems = problems("""
                { "schemaVersion": 2, "nam": "x", "scenarios": [ {"label": "a", "scenario": 3}, {"scenario": {}} ],
                  "sweep": { "combine": "CROSS", "axes": [
                     {"path": "x", "kind": "RANGE", "from": 1, "to": 0, "steps": 0},
                     {"path": "$.y", "kind": "SOBOL", "from": 0, "to": 1},
                     {"path": "$.z", "kind": "LIST", "values": []} ] },
                  "replicates": 0 }""");
        assertThat(problems).extracting(SpecProblem::path).contains("$.schemaVersion", "$.nam", "$.name",
                "$.scenarios[0].scenario", "$.scenarios[1].label", "$.sweep.combine", "$.sweep.axes[0].path",
                "$.sweep.axes[0].steps", "$.sweep.axes[0].to", "$.sweep.axes[1].n", "$.sweep.axes[2].values",
                "$.replicates", "$.baseSeed");
        assertThat(problems).allMatch(p -> !p.message().isBlank() && !p.message().contains("Exception"));
    }

    @Test
    void malformedJsonSaysWhere() {
        List<SpecProblem> problems = problems("{ \"schemaVersion\": 1,\n \"name\": }");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).startsWith("not valid JSON at line 2");
        });
    }

    @Test
    void enforcesLimits() {
        String json = GRID.replace("\"replicates\": 4", "\"replicates\": 5000");
        List<SpecProblem> problems = catchThrowableOfType(InvalidExperimentException.class,
                () -> ExperimentSpecCodec.parse(json, new ExperimentLimits(1000, 10, 100))).problems();
        assertThat(problems).extracting(SpecProblem::path).containsExactlyInAnyOrder("$.replicates");
        assertThat(problems.get(0).message()).contains("from 1 to 100");
        List<SpecProblem> big = catchThrowableOfType(InvalidExperimentException.class,
                () -> ExperimentSpecCodec.parse(GRID, new ExperimentLimits(40, 10, 100))).problems();
        assertThat(big).extracting(SpecProblem::message).anyMatch(m -> m.contains("12 sweep points") && m.contains("limit is 10"))
                .anyMatch(m -> m.contains("48 runs") && m.contains("limit is 40"));
    }

    @Test
    void reportsPathsMissingInTheScenarioAndValuesTheEngineRejects() {
        List<SpecProblem> missing = problems(GRID.replace("\"$.mode\"", "\"$.subnets[0].curve\""));
        assertThat(missing).isNotEmpty().allMatch(p -> p.message().contains("has no $.subnets"));
        List<SpecProblem> rejected = problems(GRID.replace("\"from\": 0, \"to\": 1", "\"from\": -1, \"to\": 1"));
        assertThat(rejected).isNotEmpty().allMatch(p -> p.message().contains("$.x: must be a number ≥ 0"));
        List<SpecProblem> base = problems(GRID.replace("\"x\": 2, \"mode\": \"P\"", "\"x\": 2, \"bogus\": 1"));
        assertThat(base).extracting(SpecProblem::path).containsExactly("$.scenarios[1].scenario.bogus");
    }

    @Test
    void jsonPathSetsNestedValues() throws Exception {
        JsonNode root = ExperimentSpecCodec.MAPPER.readTree("{\"subnets\":[{\"rewardCurve\":{\"type\":\"POWER\",\"alpha\":1}}]}");
        JsonPath.parse("$.subnets[0].rewardCurve.alpha").set(root, ExperimentSpecCodec.MAPPER.valueToTree(2.5));
        JsonPath.parse("$['subnets'][0].rewardCurve['type']").set(root, ExperimentSpecCodec.MAPPER.valueToTree("SOFTMAX"));
        assertThat(root.toString()).isEqualTo("{\"subnets\":[{\"rewardCurve\":{\"type\":\"SOFTMAX\",\"alpha\":2.5}}]}");
        assertThat(JsonPath.parse("$.subnets[0].rewardCurve.alpha").get(root).asDouble()).isEqualTo(2.5);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> JsonPath.parse("$.a..b")).getMessage())
                .contains("character 4");
        assertThat(Map.of()).isEmpty();
    }
}
