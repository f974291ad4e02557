package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisCellCodecTest {

    private final NotebookDocument doc = new NotebookDocument(1, "t", List.of(
            new ScenarioCell("s", "", JsonNodeFactory.instance.objectNode().put("name", "a")),
            new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(), 3, 1, "x1"),
            new ChartCell("c", "Top-1", "e", "LORENZ", "alpha.lorenzEmission", List.of(0, 2)),
            new CompareCell("k", "", "e", 0, 1, "gini")));

    @Test
    void chartAndCompareCellsAndOutputsRoundTrip() {
        var option = JsonNodeFactory.instance.objectNode();
        option.putArray("series").addObject().putArray("data").add(1).add(2);
        Map<String, CellOutput> outs = Map.of(
                "e", new ExperimentOutput("x1", "COMPLETED", null, "h", "engine-2", 3, 3, 0, Instant.EPOCH, List.of("m"), List.of()),
                "c", new ChartOutput("h1", "x1", option, 2),
                "k", new CompareOutput("h2", "x1", "A", "B", List.of(new CompareOutput.Row("m", 3, 0.5, 0.4, 0.6, 3, 0.2,
                        Double.NaN, Double.NaN, 0.3, 0.01, 0.1, 2.5)), List.of(new CompareOutput.ParameterDiff("$.x", "1", null))));
        String text = NotebookCodec.writeFile(new NotebookFile(doc, outs));
        NotebookFile back = NotebookCodec.readFile(text);
        assertThat(back.document()).isEqualTo(doc);
        assertThat(back.outputs().get("c")).isInstanceOfSatisfying(ChartOutput.class, o -> {
            assertThat(o.option()).isEqualTo(option);
            assertThat(o.dataPoints()).isEqualTo(2);
        });
        assertThat(back.outputs().get("k")).isInstanceOfSatisfying(CompareOutput.class, o -> {
            assertThat(o.rows().get(0).welchP()).isEqualTo(0.01);
            assertThat(o.rows().get(0).lowB()).isNaN();
            assertThat(o.parameters()).containsExactly(new CompareOutput.ParameterDiff("$.x", "1", null));
        });
    }

    @Test
    void aChartMustNameAnExperimentCellAndAKnownKind() {
        String bad = """
                {"formatVersion": 1, "title": "t", "cells": [
                  {"id": "c", "type": "CHART", "experimentCellId": "nope", "kind": "PIE", "metric": "m", "points": [-1]}]}""";
        assertThatThrownBy(() -> NotebookCodec.readFile(bad)).isInstanceOfSatisfying(InvalidNotebookException.class,
                e -> assertThat(e.problems()).extracting(NotebookProblem::path)
                        .contains("$.cells[0].kind", "$.cells[0].points[0]"));
        String dangling = """
                {"formatVersion": 1, "title": "t", "cells": [
                  {"id": "c", "type": "COMPARE", "experimentCellId": "nope", "pointA": 0, "pointB": 1}]}""";
        assertThatThrownBy(() -> NotebookCodec.readFile(dangling)).isInstanceOfSatisfying(InvalidNotebookException.class,
                e -> assertThat(e.problems()).extracting(NotebookProblem::path).containsExactly("$.cells[0].experimentCellId"));
    }

    @Test
    void jsonDiffListsDifferingLeavesByPath() {
        var a = JsonNodeFactory.instance.objectNode();
        a.putObject("curve").put("type", "PROPORTIONAL").put("alpha", 1);
        a.putArray("xs").add(1).add(2);
        var b = a.deepCopy();
        b.with("curve").put("type", "WINNER_TAKE_ALL");
        ((ArrayNode) b.get("xs")).add(3);
        var out = new ArrayList<CompareOutput.ParameterDiff>();
        JsonDiff.diff("$", a, b, out);
        assertThat(out).containsExactly(new CompareOutput.ParameterDiff("$.curve.type", "\"PROPORTIONAL\"", "\"WINNER_TAKE_ALL\""),
                new CompareOutput.ParameterDiff("$.xs[2]", null, "3"));
    }
}
