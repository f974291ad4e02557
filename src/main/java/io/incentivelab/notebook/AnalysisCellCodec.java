package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The file form of the analysis cells (part of {@link NotebookCodec}'s format 1):
 * <pre>
 * {"id": "c-…", "type": "CHART", "label": "…", "experimentCellId": "c-…", "kind": "SWEEP",
 *  "metric": "alpha.giniEmission", "points": [0, 1]}
 * {"id": "c-…", "type": "COMPARE", "label": "…", "experimentCellId": "c-…", "pointA": 0, "pointB": 1, "filter": ""}
 * </pre>
 * Kept apart from the codec so the chart and compare cells stay in files of their own.
 */
final class AnalysisCellCodec {

    private static final Set<String> CHART_FIELDS = Set.of("id", "type", "label", "experimentCellId", "kind", "metric", "points");
    private static final Set<String> COMPARE_FIELDS = Set.of("id", "type", "label", "experimentCellId", "pointA", "pointB",
            "filter");
    private static final int MAX_POINTS = 64;

    private AnalysisCellCodec() {
    }

    static ChartCell readChart(ObjectNode node, String id, String path, List<NotebookProblem> problems) {
        allow(node, path, CHART_FIELDS, problems);
        String kind = text(node, "kind", "TIME_SERIES", path, problems);
        if (!ChartCell.KINDS.contains(kind)) {
            problems.add(new NotebookProblem(path + ".kind", "must be one of " + String.join(", ", ChartCell.KINDS)
                    + " (got \"" + (kind.length() > 60 ? kind.substring(0, 57) + "..." : kind) + "\")"));
        }
        List<Integer> points = new ArrayList<>();
        JsonNode p = node.get("points");
        if (p != null && !p.isNull()) {
            if (!p.isArray() || p.size() > MAX_POINTS) {
                problems.add(new NotebookProblem(path + ".points", "must be an array of at most " + MAX_POINTS
                        + " point numbers"));
            } else {
                for (int i = 0; i < p.size(); i++) {
                    if (!p.get(i).canConvertToExactIntegral() || p.get(i).asInt() < 0) {
                        problems.add(new NotebookProblem(path + ".points[" + i + "]", "must be a point number (0 or more)"));
                    } else {
                        points.add(p.get(i).asInt());
                    }
                }
            }
        }
        return new ChartCell(id, text(node, "label", "", path, problems), text(node, "experimentCellId", "", path, problems),
                kind, text(node, "metric", "", path, problems), points);
    }

    static CompareCell readCompare(ObjectNode node, String id, String path, List<NotebookProblem> problems) {
        allow(node, path, COMPARE_FIELDS, problems);
        return new CompareCell(id, text(node, "label", "", path, problems), text(node, "experimentCellId", "", path, problems),
                point(node, "pointA", path, problems), point(node, "pointB", path, problems),
                text(node, "filter", "", path, problems));
    }

    /** Each chart and compare cell must name an experiment cell of the same notebook. */
    static void checkReferences(List<Cell> cells, List<Integer> positions, List<NotebookProblem> problems) {
        for (int i = 0; i < cells.size(); i++) {
            String ref = cells.get(i) instanceof ChartCell c ? c.experimentCellId()
                    : cells.get(i) instanceof CompareCell c ? c.experimentCellId() : null;
            if (ref == null || ref.isEmpty()) {
                continue;
            }
            boolean ok = cells.stream().anyMatch(c -> c.id().equals(ref) && c instanceof ExperimentCell);
            if (!ok) {
                problems.add(new NotebookProblem("$.cells[" + positions.get(i) + "].experimentCellId",
                        "no experiment cell has id \"" + (ref.length() > 60 ? ref.substring(0, 57) + "..." : ref) + "\""));
            }
        }
    }

    /** Writes the members of an analysis cell after its id and type; false if the cell is of another kind. */
    static boolean write(ObjectNode o, Cell cell) {
        if (cell instanceof ChartCell c) {
            o.put("label", c.label());
            o.put("experimentCellId", c.experimentCellId());
            o.put("kind", c.kind());
            o.put("metric", c.metric());
            ArrayNode pts = o.putArray("points");
            c.points().forEach(pts::add);
            return true;
        }
        if (cell instanceof CompareCell c) {
            o.put("label", c.label());
            o.put("experimentCellId", c.experimentCellId());
            o.put("pointA", c.pointA());
            o.put("pointB", c.pointB());
            o.put("filter", c.filter());
            return true;
        }
        return false;
    }

    private static void allow(ObjectNode node, String path, Set<String> allowed, List<NotebookProblem> problems) {
        node.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                problems.add(new NotebookProblem(path + "." + (n.length() > 60 ? n.substring(0, 57) + "..." : n), "unknown field; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList())));
            }
        });
    }

    private static String text(ObjectNode node, String name, String def, String path, List<NotebookProblem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual() || v.textValue().length() > 500) {
            problems.add(new NotebookProblem(path + "." + name, "must be text of at most 500 characters"));
            return def;
        }
        return v.textValue();
    }

    private static int point(ObjectNode node, String name, String path, List<NotebookProblem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 0 || v.asLong() > 1_000_000) {
            problems.add(new NotebookProblem(path + "." + name, "must be a point number (0 or more)"));
            return 0;
        }
        return v.asInt();
    }
}
