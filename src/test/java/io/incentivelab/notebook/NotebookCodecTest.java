package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.Sensitivity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookCodecTest {

    static NotebookFile sample() throws Exception {
        ObjectNode scenario = (ObjectNode) new JsonMapper().readTree("{\"name\":\"two\",\"subnets\":[{\"name\":\"a\"}]}");
        NotebookDocument doc = NotebookDocument.empty("Sample")
                .append(new NoteCell("n1", "# Hello\n\nText"))
                .append(new ScenarioCell("s1", "Base", scenario))
                .append(new ExperimentCell("e1", "Sweep", List.of("s1"), Combine.GRID,
                        List.of(Axis.list("$.subnets[0].rewardCurve.alpha", List.of(IntNode.valueOf(1), IntNode.valueOf(2)))),
                        3, 42L, "exp-1"));
        ExperimentOutput out = new ExperimentOutput("exp-1", "COMPLETED", null, "abc", "0.1.0", 6, 6, 0,
                Instant.parse("2026-11-25T04:00:00Z"), List.of("gini"),
                List.of(new ExperimentOutput.PointResult("Base", Map.of("$.subnets[0].rewardCurve.alpha", "1"), 3, 3,
                        Map.of("gini", new ExperimentOutput.MetricSummary(3, 0.5, 0.4, 0.6)))));
        return new NotebookFile(doc, Map.of("e1", out));
    }

    @Test
    void aFileRoundTrips() throws Exception {
        NotebookFile file = sample();
        String json = NotebookCodec.writeFile(file);
        NotebookFile back = NotebookCodec.readFile(json);
        assertThat(back).isEqualTo(file);
        assertThat(NotebookCodec.writeFile(back)).isEqualTo(json);
        assertThat(json).contains("\"formatVersion\" : 1").contains("\"outputs\"");
    }

    @Test
    void outputsAreWrittenInCellOrderWhateverOrderTheyCameIn() throws Exception {
        NotebookFile one = sample();
        ExperimentOutput out = (ExperimentOutput) one.outputs().get("e1");
        NotebookDocument doc = one.document()
                .append(new ExperimentCell("e0", "Other", List.of("s1"), Combine.GRID, List.of(), 1, 1L, "exp-0"));
        // the database reads outputs ordered by cell id ("e0" < "e1"), a file in its own order
        Map<String, CellOutput> byId = new LinkedHashMap<>();
        byId.put("e0", out);
        byId.put("e1", out);
        Map<String, CellOutput> reversed = new LinkedHashMap<>();
        reversed.put("e1", out);
        reversed.put("e0", out);
        String a = NotebookCodec.writeFile(new NotebookFile(doc, byId));
        assertThat(NotebookCodec.writeFile(new NotebookFile(doc, reversed))).isEqualTo(a);
        assertThat(a.indexOf("\"e1\" : {")).isLessThan(a.indexOf("\"e0\" : {"));
    }

    @Test
    void aSensitivityCellKeepsItsMetricAndSamplesAndBecomesAStudy() throws Exception {
        ObjectNode scenario = (ObjectNode) new JsonMapper().readTree("{\"name\":\"two\",\"subnets\":[{\"name\":\"a\"}]}");
        ExperimentCell study = ExperimentCell.study("e2", "Which matters", List.of("s1"), Sensitivity.Method.SALTELLI,
                List.of(Axis.range("$.subnets[0].validators.noiseSigma", 0, 2, 2, false)), 2, 5L, null,
                "a.giniEmission", 8);
        NotebookDocument doc = NotebookDocument.empty("S").append(new ScenarioCell("s1", "Base", scenario)).append(study);
        String json = NotebookCodec.writeDocument(doc);
        assertThat(json).contains("\"metric\" : \"a.giniEmission\"", "\"samples\" : 8");
        NotebookDocument back = NotebookCodec.readDocument(json);
        assertThat(back.cell("e2")).contains(study);
        assertThat(study.sensitivity()).isTrue();
        // the spec the cell runs: a Saltelli study over the axis's range
        var spec = NotebookRuns.spec(doc, study);
        assertThat(spec.combine()).isEqualTo(ExperimentSpec.Combine.ZIP);
        assertThat(spec.sensitivity().method()).isEqualTo(Sensitivity.Method.SALTELLI);
        assertThat(spec.sensitivity().metric()).isEqualTo("a.giniEmission");
        assertThat(spec.sensitivity().samples()).isEqualTo(8);
        assertThat(spec.sensitivity().parameters().get(0).to()).isEqualTo(2.0);
        // a sweep cell writes neither
        assertThat(NotebookCodec.writeDocument(sample().document())).doesNotContain("\"metric\"", "\"samples\"");
    }

    @Test
    void theDocumentAloneHasNoOutputs() throws Exception {
        String json = NotebookCodec.writeDocument(sample().document());
        assertThat(json).doesNotContain("outputs");
        assertThat(NotebookCodec.readDocument(json)).isEqualTo(sample().document());
    }

    @Test
    void undefinedIntervalsSurviveAsNaN() {
        ExperimentOutput out = new ExperimentOutput("x", "COMPLETED", null, null, null, 1, 1, 0, null, List.of("m"),
                List.of(new ExperimentOutput.PointResult("s", Map.of(), 1, 1,
                        Map.of("m", new ExperimentOutput.MetricSummary(1, 2.0, Double.NaN, Double.NaN)))));
        ExperimentOutput back = (ExperimentOutput) NotebookCodec.readOutput(NotebookCodec.writeOutput(out));
        assertThat(back.points().get(0).metrics().get("m").ci95Low()).isNaN();
    }

    @Test
    void problemsNameTheirFields() {
        String json = """
                {"formatVersion": 1, "title": 7, "cells": [
                  {"id": "a", "type": "NOTE", "markdown": "x", "colour": "red"},
                  {"id": "a", "type": "NOTE"},
                  {"id": "bad id!", "type": "PIE"},
                  {"id": "e", "type": "EXPERIMENT", "scenarioCellIds": ["nope"], "replicates": 0,
                   "axes": [{"path": "subnets", "kind": "SPIRAL"}]}
                ]}""";
        assertThatThrownBy(() -> NotebookCodec.readFile(json))
                .isInstanceOfSatisfying(InvalidNotebookException.class, e -> assertThat(e.problems())
                        .extracting(NotebookProblem::path)
                        .contains("$.title", "$.cells[0].colour", "$.cells[1].id", "$.cells[2].id", "$.cells[2].type",
                                "$.cells[3].replicates", "$.cells[3].axes[0].path", "$.cells[3].axes[0].kind"));
    }

    @Test
    void aDanglingScenarioReferenceIsReported() {
        String json = """
                {"formatVersion": 1, "title": "t", "cells": [
                  {"id": "e", "type": "EXPERIMENT", "scenarioCellIds": ["nope"]}]}""";
        assertThatThrownBy(() -> NotebookCodec.readFile(json)).isInstanceOfSatisfying(InvalidNotebookException.class,
                e -> assertThat(e.problems()).containsExactly(
                        new NotebookProblem("$.cells[0].scenarioCellIds[0]", "no scenario cell has id \"nope\"")));
    }

    @Test
    void versionsAreChecked() {
        assertThatThrownBy(() -> NotebookCodec.readFile("{\"title\":\"t\",\"cells\":[]}"))
                .hasMessageContaining("$.formatVersion: is required");
        assertThatThrownBy(() -> NotebookCodec.readFile("{\"formatVersion\":2,\"title\":\"t\",\"cells\":[]}"))
                .hasMessageContaining("newer than this app reads");
        assertThatThrownBy(() -> NotebookCodec.readFile("not json"))
                .hasMessageContaining("$: is not valid JSON");
    }

    @Test
    void outputsOfUnknownCellsAreRefused() {
        String json = """
                {"formatVersion": 1, "title": "t", "cells": [], "outputs": {"ghost": {"kind": "experiment"}}}""";
        assertThatThrownBy(() -> NotebookCodec.readFile(json)).hasMessageContaining("$.outputs.ghost: no cell has this id");
    }
}
