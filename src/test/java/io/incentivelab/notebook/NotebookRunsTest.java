package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpec.ScenarioEntry;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.Sensitivity;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.experiment.SpecLocation;
import io.incentivelab.experiment.SpecProblem;
import io.incentivelab.scenario.ScenarioCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The notebook → experiment boundary: a cell becomes a typed spec, and the spec's problems come back by index. */
class NotebookRunsTest {

    private static final SimulationEngine ENGINE = new SimulationEngine();
    private final ObjectNode scenario;

    NotebookRunsTest() throws Exception {
        scenario = (ObjectNode) new JsonMapper().readTree("{\"name\":\"two\",\"subnets\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
    }

    private NotebookDocument doc(ExperimentCell cell) {
        return NotebookDocument.empty("Title").append(new ScenarioCell("s1", "Base", scenario))
                .append(new ScenarioCell("s2", "Base", scenario)).append(cell);
    }

    @Test
    void aSweepCellMapsToTheSpecItStandsFor() {
        ExperimentCell cell = new ExperimentCell("e", "", List.of("s1", "missing", "s2"), Combine.ZIP, List.of(
                new Axis("$.subnets[0].rewardCurve.type", AxisKind.LIST, List.of(TextNode.valueOf("LINEAR"),
                        TextNode.valueOf("POWER")), 1.0, null, null, true),
                Axis.range("$.subnets[0].rewardCurve.alpha", 1, 3, 2, false)), 3, 7L, null);
        ObjectNode full = ScenarioCodec.toJsonNode(ScenarioCodec.parse(scenario));

        ExperimentSpec spec = NotebookRuns.spec(doc(cell), cell);

        // a LIST axis reads only its values; the scenario cells that exist, named apart
        assertThat(spec).isEqualTo(new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, "Title", null,
                List.of(new ScenarioEntry("Base", full), new ScenarioEntry("Base (2)", full)), Combine.ZIP,
                List.of(new Axis("$.subnets[0].rewardCurve.type", AxisKind.LIST,
                                List.of(TextNode.valueOf("LINEAR"), TextNode.valueOf("POWER")), null, null, null, false),
                        new Axis("$.subnets[0].rewardCurve.alpha", AxisKind.RANGE, List.of(), 1.0, 3.0, 2, false)),
                3, 7L));
        // the typed check accepts it as the file reader reads the same experiment written out
        ExperimentSpec checked = ExperimentSpecCodec.check(spec, ExperimentLimits.DEFAULT, ENGINE::validate);
        assertThat(checked).isEqualTo(ExperimentSpecCodec.parse(ExperimentSpecCodec.toJson(spec).toString(),
                ExperimentLimits.DEFAULT, ENGINE::validate));
    }

    @Test
    void aSensitivityCellMapsToAStudyOverItsAxes() {
        ExperimentCell cell = ExperimentCell.study("e", "Study", List.of("s1"), Sensitivity.Method.MORRIS, List.of(
                new Axis("$.subnets[0].validators.noiseSigma", AxisKind.RANGE, List.of(), 0.0, 2.0, 2, false),
                new Axis("$.network.tempo", AxisKind.RANGE, List.of(), 100.0, 400.0, null, true)), 2, 5L, null, "a.giniEmission", 6);

        ExperimentSpec spec = NotebookRuns.spec(doc(cell), cell);

        Sensitivity study = new Sensitivity(Sensitivity.Method.MORRIS, "a.giniEmission", 6, Sensitivity.DEFAULT_LEVELS,
                Sensitivity.DEFAULT_RESAMPLES, Sensitivity.DEFAULT_CONFIDENCE, List.of(
                new Sensitivity.Parameter("$.subnets[0].validators.noiseSigma", 0.0, 2.0, false),
                new Sensitivity.Parameter("$.network.tempo", 100.0, 400.0, true)));
        assertThat(spec).isEqualTo(ExperimentSpec.sensitivity("Study", null,
                List.of(new ScenarioEntry("Base", ScenarioCodec.toJsonNode(ScenarioCodec.parse(scenario)))), study, 2, 5L));
        assertThat(spec.axes()).hasSize(2).allSatisfy(a -> assertThat(a.count()).isEqualTo(18));
    }

    @Test
    void aProblemInAnAxisValueComesBackWithItsIndexes() {
        JsonNode object = new JsonMapper().createObjectNode().put("x", 1);
        ExperimentCell cell = new ExperimentCell("e", "", List.of("s1"), Combine.GRID, List.of(
                Axis.range("$.subnets[0].rewardCurve.alpha", 1, 3, 3, false),
                Axis.list("$.subnets[1].rewardCurve.type", List.of(IntNode.valueOf(1), object)),
                new Axis("$.network.tempo", AxisKind.UNIFORM, List.of(), 400.0, 100.0, 4, true)), 2, 9, null);
        NotebookDocument doc = doc(cell);

        List<SpecProblem> problems = problems(doc, cell);

        assertThat(problems).extracting(SpecProblem::at).containsExactly(SpecLocation.axisValue(1, 1),
                SpecLocation.axis(2, "to"));
        assertThat(problems.get(0).at().index()).isEqualTo(1);
        assertThat(problems.get(0).at().valueIndex()).isEqualTo(1);
        // what the notebook shows: the same paths and messages as when the cell went through the file format
        assertThat(problems.stream().map(p -> NotebookRuns.readable(doc, cell, p).toString())).containsExactly(
                "axes[1].values[1]: must be a number, a string or a boolean",
                "axes[2].to: must be above 'from' (400.0), was 100.0");
        assertThat(problems.stream().map(SpecProblem::path)).containsExactly("$.sweep.axes[1].values[1]", "$.sweep.axes[2].to");
    }

    @Test
    void scenarioReplicateAndPathProblemsPointWhereTheyDidBefore() {
        ObjectNode bad = scenario.deepCopy();
        bad.putObject("network").put("tempo", -1);
        ExperimentCell cell = new ExperimentCell("e", "", List.of("s1", "bad"), Combine.GRID, List.of(
                Axis.list("", List.of(IntNode.valueOf(1))),
                Axis.list("$.x[", List.of(IntNode.valueOf(1)))), 0, 9, null);
        NotebookDocument doc = NotebookDocument.empty("t").append(new ScenarioCell("s1", "Base", scenario))
                .append(new ScenarioCell("bad", "Broken", bad)).append(cell);

        List<SpecProblem> problems = problems(doc, cell);

        assertThat(problems).extracting(SpecProblem::at).startsWith(SpecLocation.inScenario(1, "$.network.tempo"));
        assertThat(problems.stream().map(p -> NotebookRuns.readable(doc, cell, p).path())).containsExactly(
                "scenario \"Broken\" $.network.tempo", "axes[0].path", "axes[1].path", "replicates");
        assertThat(problems.get(1).message()).isEqualTo("must be a non-empty string");
        assertThat(problems.get(3).message()).isEqualTo("must be a whole number from 1 to 10000, was 0");
    }

    /**
     * Random cells, valid and not: the typed route (cell → spec → check) reports the problems the JSON route did
     * (cell → experiment JSON → file reader), in the same order, at the same notebook paths, and accepts the same
     * cells as the same spec.
     */
    @Test
    void theTypedRouteReportsWhatTheJsonRouteDid() {
        Random random = new Random(21);
        List<String> paths = List.of("$.subnets[0].rewardCurve.alpha", "$.subnets[1].rewardCurve.alpha", "$.network.tempo",
                "$.subnets[0].rewardCurve.type", "", "$.x[", "$.subnets[5].name", "$.network.nope", "x".repeat(301));
        List<JsonNode> values = List.of(IntNode.valueOf(2), new DoubleNode(1.5),
                TextNode.valueOf("POWER"), BooleanNode.TRUE,
                NullNode.instance, new JsonMapper().createObjectNode(),
                IntNode.valueOf(-3));
        int compared = 0;
        int valid = 0;
        for (int i = 0; i < 1000; i++) {
            List<Axis> axes = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                AxisKind kind = AxisKind.values()[random.nextInt(AxisKind.values().length)];
                List<JsonNode> vs = new ArrayList<>();
                for (int j = random.nextInt(4); j > 0; j--) {
                    vs.add(values.get(random.nextInt(values.size())));
                }
                Double from = random.nextInt(5) == 0 ? null : (double) random.nextInt(5);
                Double to = random.nextInt(5) == 0 ? null : (double) random.nextInt(5);
                Integer count = List.of(1, 2, 3, 3, 0, 20_000).get(random.nextInt(6));
                axes.add(new Axis(paths.get(random.nextInt(paths.size())), kind, vs, from, to,
                        random.nextInt(6) == 0 ? null : count, random.nextBoolean()));
            }
            Enum<?> design = ExperimentCell.DESIGNS.get(random.nextInt(ExperimentCell.DESIGNS.size()));
            List<String> ids = List.of(List.of("s1"), List.of("s1", "s2"), List.of("bad"), List.of("s2", "bad"),
                    List.of("nothing")).get(random.nextInt(5));
            String label = List.of("", "Run", "y".repeat(201)).get(random.nextInt(3));
            ExperimentCell cell = new ExperimentCell("e", label, ids, Combine.GRID, null, axes, List.of(1, 2, 0, 20_000).get(random.nextInt(4)),
                    random.nextLong(), null, List.of("", "a.giniEmission").get(random.nextInt(2)), List.of(1, 2, 8, 60_000).get(random.nextInt(4)))
                    .withDesign(design);
            ObjectNode bad = scenario.deepCopy();
            bad.putObject("network").put("tempo", -1);
            NotebookDocument doc = NotebookDocument.empty(random.nextBoolean() ? "Title" : "").append(new ScenarioCell("s1", "Base", scenario))
                    .append(new ScenarioCell("s2", "Other", scenario)).append(new ScenarioCell("bad", "Broken", bad)).append(cell);
            ExperimentLimits limits = new ExperimentLimits(5_000, 50, 10_000);

            List<NotebookProblem> before;
            ExperimentSpec beforeSpec = null;
            try {
                beforeSpec = ExperimentSpecCodec.parse(LegacyCellSpec.spec(doc, cell).toString(), limits, ENGINE::validate);
                before = List.of();
            } catch (InvalidExperimentException e) {
                before = e.problems().stream().map(p -> LegacyCellSpec.readable(doc, cell, p)).toList();
            }
            List<NotebookProblem> after;
            ExperimentSpec afterSpec = null;
            try {
                afterSpec = ExperimentSpecCodec.check(NotebookRuns.spec(doc, cell), limits, ENGINE::validate);
                after = List.of();
            } catch (InvalidExperimentException e) {
                after = e.problems().stream().map(p -> NotebookRuns.readable(doc, cell, p)).toList();
            }
            assertThat(after).as("cell %s", cell).isEqualTo(before);
            assertThat(afterSpec).isEqualTo(beforeSpec);
            compared++;
            valid += afterSpec == null ? 0 : 1;
        }
        assertThat(compared).isEqualTo(1000);
        assertThat(valid).isGreaterThan(5);
    }

    private static List<SpecProblem> problems(NotebookDocument doc, ExperimentCell cell) {
        InvalidExperimentException e = catchThrowableOfType(() -> ExperimentSpecCodec.check(NotebookRuns.spec(doc, cell),
                ExperimentLimits.DEFAULT, ENGINE::validate), InvalidExperimentException.class);
        assertThat(e).isNotNull();
        return e.problems();
    }
}
