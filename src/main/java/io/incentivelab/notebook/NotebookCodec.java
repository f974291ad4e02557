package io.incentivelab.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The notebook file format ({@code *.notebook.json}, {@code formatVersion} 1):
 * <pre>
 * { "formatVersion": 1, "title": "…",
 *   "cells": [ {"id": "c-…", "type": "NOTE", "markdown": "…"},
 *              {"id": "c-…", "type": "SCENARIO", "label": "…", "scenario": { scenario JSON }},
 *              {"id": "c-…", "type": "EXPERIMENT", "label": "…", "scenarioCellIds": ["c-…"], "combine": "GRID",
 *               "axes": [{"path": "$.subnets[0].rewardCurve.alpha", "kind": "LIST", "values": [1, 2]}],
 *               "replicates": 5, "seed": 42, "lastExperimentId": null} ],
 *   "outputs": { "c-…": {"kind": "experiment", …} } }
 * </pre>
 * Reading upgrades older versions ({@link NotebookUpgrader}) and reports every problem with its JSON path.
 * The database keeps the document (without {@code outputs}) and each output apart.
 */
public final class NotebookCodec {

    /** Largest notebook file accepted, in bytes. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Most characters in one note. */
    public static final int MAX_MARKDOWN = 100_000;
    /** Most sweep axes in one experiment cell. */
    public static final int MAX_AXES = 8;
    /** The axis kinds a notebook file may name: the experiment's. */
    private static final List<String> AXIS_KINDS = Arrays.stream(AxisKind.values()).map(Enum::name).toList();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Output kinds by the {@code kind} written in the file. */
    private static final Map<String, Class<? extends CellOutput>> OUTPUT_KINDS = new TreeMap<>(Map.of(
            ExperimentOutput.KIND, ExperimentOutput.class, ChartOutput.KIND, ChartOutput.class,
            CompareOutput.KIND, CompareOutput.class));

    private NotebookCodec() {
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Reads a whole file: document and outputs. */
    public static NotebookFile readFile(String json) {
        ObjectNode tree = NotebookUpgrader.upgrade(parseObject(json));
        List<NotebookProblem> problems = new ArrayList<>();
        NotebookDocument doc = readDocument(tree, problems);
        Map<String, CellOutput> outputs = new LinkedHashMap<>();
        JsonNode out = tree.get("outputs");
        if (out != null && !out.isNull()) {
            if (!out.isObject()) {
                problems.add(new NotebookProblem("$.outputs", "must be an object keyed by cell id"));
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String p = "$.outputs." + shorten(e.getKey());
                    if (doc != null && doc.indexOf(e.getKey()) < 0) {
                        problems.add(new NotebookProblem(p, "no cell has this id"));
                        continue;
                    }
                    CellOutput o = readOutput(e.getValue(), p, problems);
                    if (o != null) {
                        outputs.put(e.getKey(), o);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotebookException(problems);
        }
        return new NotebookFile(doc, outputs);
    }

    /** Reads a document (an {@code outputs} member, if any, is ignored). */
    public static NotebookDocument readDocument(String json) {
        ObjectNode tree = NotebookUpgrader.upgrade(parseObject(json));
        List<NotebookProblem> problems = new ArrayList<>();
        NotebookDocument doc = readDocument(tree, problems);
        if (!problems.isEmpty()) {
            throw new InvalidNotebookException(problems);
        }
        return doc;
    }

    /** Reads one stored output. */
    public static CellOutput readOutput(String json) {
        List<NotebookProblem> problems = new ArrayList<>();
        CellOutput o = readOutput(parseObject(json), "$", problems);
        if (!problems.isEmpty()) {
            throw new InvalidNotebookException(problems);
        }
        return o;
    }

    private static ObjectNode parseObject(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidNotebookException("$", "is empty; expected a notebook JSON object");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InvalidNotebookException("$", "must be a JSON object with formatVersion, title and cells");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidNotebookException("$", "is not valid JSON: " + e.getOriginalMessage() + where);
        }
    }

    private static NotebookDocument readDocument(ObjectNode tree, List<NotebookProblem> problems) {
        Fields f = new Fields(tree, "$", problems);
        f.allow("formatVersion", "title", "cells", "outputs");
        String title = f.string("title", true, "");
        if (title.length() > NotebookDocument.MAX_TITLE) {
            problems.add(new NotebookProblem("$.title", "must be at most " + NotebookDocument.MAX_TITLE
                    + " characters (got " + title.length() + ")"));
        }
        List<Cell> cells = new ArrayList<>();
        JsonNode arr = tree.get("cells");
        if (arr == null || !arr.isArray()) {
            problems.add(new NotebookProblem("$.cells", arr == null ? "is required (a list of cells)" : "must be an array"));
        } else if (arr.size() > NotebookDocument.MAX_CELLS) {
            problems.add(new NotebookProblem("$.cells", "has " + arr.size() + " cells; at most "
                    + NotebookDocument.MAX_CELLS + " allowed"));
        } else {
            Set<String> ids = new HashSet<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) {
                Cell c = readCell(arr.get(i), "$.cells[" + i + "]", problems);
                JsonNode rawId = arr.get(i).get("id");
                if (rawId != null && rawId.isTextual() && !ids.add(rawId.textValue())) {
                    problems.add(new NotebookProblem("$.cells[" + i + "].id", "duplicate cell id \""
                            + shorten(rawId.textValue()) + "\""));
                } else if (c != null) {
                    cells.add(c);
                    positions.add(i);
                }
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i) instanceof ExperimentCell e) {
                    for (int k = 0; k < e.scenarioCellIds().size(); k++) {
                        String ref = e.scenarioCellIds().get(k);
                        boolean ok = cells.stream().anyMatch(c -> c.id().equals(ref) && c instanceof ScenarioCell);
                        if (!ok) {
                            problems.add(new NotebookProblem("$.cells[" + positions.get(i) + "].scenarioCellIds[" + k
                                    + "]", "no scenario cell has id \"" + shorten(ref) + "\""));
                        }
                    }
                }
            }
            AnalysisCellCodec.checkReferences(cells, positions, problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new NotebookDocument(NotebookDocument.FORMAT_VERSION, title, cells);
    }

    private static Cell readCell(JsonNode node, String path, List<NotebookProblem> problems) {
        if (!node.isObject()) {
            problems.add(new NotebookProblem(path, "must be an object with id and type"));
            return null;
        }
        Fields f = new Fields((ObjectNode) node, path, problems);
        String id = f.string("id", true, "");
        if (!id.isEmpty() && !CellIds.VALID.matcher(id).matches()) {
            problems.add(new NotebookProblem(path + ".id", "must be 1–64 letters, digits, '_' or '-' (got \"" + shorten(id) + "\")"));
        }
        String type = f.string("type", true, "");
        CellType kind = null;
        for (CellType t : CellType.values()) {
            if (t.name().equals(type)) {
                kind = t;
            }
        }
        if (kind == null) {
            if (!type.isEmpty()) {
                problems.add(new NotebookProblem(path + ".type", "unknown cell type \"" + shorten(type) + "\"; this app knows "
                        + String.join(", ", Arrays.stream(CellType.values()).map(Enum::name).toList())
                        + " (the file may come from a newer version)"));
            }
            return null;
        }
        int before = problems.size();
        Cell cell = switch (kind) {
            case NOTE -> {
                f.allow("id", "type", "markdown");
                String md = f.string("markdown", false, "");
                if (md.length() > MAX_MARKDOWN) {
                    problems.add(new NotebookProblem(path + ".markdown", "must be at most " + MAX_MARKDOWN + " characters"));
                }
                yield new NoteCell(id, md);
            }
            case SCENARIO -> {
                f.allow("id", "type", "label", "scenario");
                String label = f.string("label", false, "");
                JsonNode sc = node.get("scenario");
                if (sc == null || !sc.isObject()) {
                    problems.add(new NotebookProblem(path + ".scenario", sc == null ? "is required (a scenario JSON object)"
                            : "must be a JSON object"));
                    yield null;
                }
                yield new ScenarioCell(id, label, (ObjectNode) sc);
            }
            case EXPERIMENT -> readExperiment(f, id, path, problems);
            case CHART -> AnalysisCellCodec.readChart((ObjectNode) node, id, path, problems);
            case COMPARE -> AnalysisCellCodec.readCompare((ObjectNode) node, id, path, problems);
        };
        return problems.size() > before ? null : cell;
    }

    private static ExperimentCell readExperiment(Fields f, String id, String path, List<NotebookProblem> problems) {
        f.allow("id", "type", "label", "scenarioCellIds", "combine", "axes", "replicates", "seed", "lastExperimentId",
                "metric", "samples");
        String label = f.string("label", false, "");
        List<String> refs = new ArrayList<>();
        JsonNode r = f.node.get("scenarioCellIds");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                problems.add(new NotebookProblem(path + ".scenarioCellIds", "must be an array of cell ids"));
            } else {
                for (int i = 0; i < r.size(); i++) {
                    if (!r.get(i).isTextual()) {
                        problems.add(new NotebookProblem(path + ".scenarioCellIds[" + i + "]", "must be a cell id (text)"));
                    } else {
                        refs.add(r.get(i).textValue());
                    }
                }
            }
        }
        String combine = f.string("combine", false, "GRID");
        Enum<?> design = ExperimentCell.design(combine);
        if (design == null) {
            problems.add(new NotebookProblem(path + ".combine", "must be one of " + String.join(", ", ExperimentCell.COMBINES)
                    + " (got \"" + shorten(combine) + "\")"));
            design = Combine.GRID;
        }
        List<Axis> axes = new ArrayList<>();
        JsonNode a = f.node.get("axes");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) {
                problems.add(new NotebookProblem(path + ".axes", "must be an array"));
            } else if (a.size() > MAX_AXES) {
                problems.add(new NotebookProblem(path + ".axes", "has " + a.size() + " axes; at most " + MAX_AXES + " allowed"));
            } else {
                for (int i = 0; i < a.size(); i++) {
                    Axis axis = readAxis(a.get(i), path + ".axes[" + i + "]", problems);
                    if (axis != null) {
                        axes.add(axis);
                    }
                }
            }
        }
        int replicates = (int) f.integer("replicates", ExperimentCell.DEFAULT_REPLICATES, 1, ExperimentCell.MAX_REPLICATES);
        long seed = f.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        String last = f.string("lastExperimentId", false, null);
        String metric = f.string("metric", false, "");
        int samples = (int) f.integer("samples", ExperimentCell.DEFAULT_SAMPLES, 2, 100_000);
        return new ExperimentCell(id, label, refs, Combine.GRID, null, axes, replicates, seed, last, metric,
                samples).withDesign(design);
    }

    private static Axis readAxis(JsonNode node, String path, List<NotebookProblem> problems) {
        if (!node.isObject()) {
            problems.add(new NotebookProblem(path, "must be an object with path and kind"));
            return null;
        }
        Fields f = new Fields((ObjectNode) node, path, problems);
        f.allow("path", "kind", "values", "from", "to", "count", "integer");
        String p = f.string("path", true, "");
        if (!p.isEmpty() && !p.startsWith("$.")) {
            problems.add(new NotebookProblem(path + ".path", "must be a JSON path into the scenario starting with \"$.\" (got \""
                    + shorten(p) + "\")"));
        }
        String kind = f.string("kind", false, "LIST");
        if (!AXIS_KINDS.contains(kind)) {
            problems.add(new NotebookProblem(path + ".kind", "must be one of " + String.join(", ", AXIS_KINDS)
                    + " (got \"" + shorten(kind) + "\")"));
        }
        List<JsonNode> values = new ArrayList<>();
        JsonNode v = node.get("values");
        if (v != null && !v.isNull()) {
            if (!v.isArray()) {
                problems.add(new NotebookProblem(path + ".values", "must be an array of numbers or strings"));
            } else {
                for (int i = 0; i < v.size(); i++) {
                    JsonNode x = v.get(i);
                    if (!(x.isNumber() || x.isTextual() || x.isBoolean())) {
                        problems.add(new NotebookProblem(path + ".values[" + i + "]", "must be a number, text or true/false"));
                    }
                    values.add(x);
                }
            }
        }
        Double from = f.optionalNumber("from");
        Double to = f.optionalNumber("to");
        Long count = f.node.hasNonNull("count") ? f.integer("count", 0, 1, 100_000) : null;
        boolean integer = f.bool("integer", false);
        return new Axis(p, AXIS_KINDS.contains(kind) ? AxisKind.valueOf(kind) : AxisKind.LIST, values, from, to,
                count == null ? null : count.intValue(), integer);
    }

    private static CellOutput readOutput(JsonNode node, String path, List<NotebookProblem> problems) {
        if (!node.isObject()) {
            problems.add(new NotebookProblem(path, "must be an object with a kind"));
            return null;
        }
        Fields f = new Fields((ObjectNode) node, path, problems);
        String kind = f.string("kind", true, "");
        Class<? extends CellOutput> type = OUTPUT_KINDS.get(kind);
        if (type == null) {
            if (!kind.isEmpty()) {
                problems.add(new NotebookProblem(path + ".kind", "unknown output kind \"" + shorten(kind) + "\"; this app knows "
                        + String.join(", ", OUTPUT_KINDS.keySet())));
            }
            return null;
        }
        try {
            return MAPPER.treeToValue(withoutKind(node), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            problems.add(new NotebookProblem(path, "is not a valid " + kind + " output: " + shorten(msg)));
            return null;
        }
    }

    private static JsonNode withoutKind(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove("kind");
        return copy;
    }

    // ---- writing ------------------------------------------------------------------------------

    /** The whole file, pretty-printed. */
    public static String writeFile(NotebookFile file) {
        ObjectNode tree = documentTree(file.document());
        ObjectNode outs = tree.putObject("outputs");
        file.outputs().forEach((id, o) -> outs.set(id, outputTree(o)));
        return pretty(tree);
    }

    /** The document alone (what the database keeps in {@code notebook.document}). */
    public static String writeDocument(NotebookDocument document) {
        return pretty(documentTree(document));
    }

    /** One output (what the database keeps in {@code notebook_output.content}). */
    public static String writeOutput(CellOutput output) {
        try {
            return MAPPER.writeValueAsString(outputTree(output));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode documentTree(NotebookDocument d) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode root = nf.objectNode();
        root.put("formatVersion", NotebookDocument.FORMAT_VERSION);
        root.put("title", d.title());
        ArrayNode cells = root.putArray("cells");
        for (Cell c : d.cells()) {
            ObjectNode o = cells.addObject();
            o.put("id", c.id());
            o.put("type", c.type().name());
            if (c instanceof NoteCell n) {
                o.put("markdown", n.markdown());
            } else if (c instanceof ScenarioCell s) {
                o.put("label", s.label());
                o.set("scenario", s.scenario());
            } else if (c instanceof ExperimentCell e) {
                writeExperiment(o, e);
            } else {
                AnalysisCellCodec.write(o, c);
            }
        }
        return root;
    }

    private static void writeExperiment(ObjectNode o, ExperimentCell e) {
        o.put("label", e.label());
        ArrayNode refs = o.putArray("scenarioCellIds");
        e.scenarioCellIds().forEach(refs::add);
        o.put("combine", e.designName());
        ArrayNode axes = o.putArray("axes");
        for (Axis a : e.axes()) {
            ObjectNode ax = axes.addObject();
            ax.put("path", a.path());
            ax.put("kind", a.kind().name());
            ArrayNode vs = ax.putArray("values");
            a.values().forEach(vs::add);
            putNullable(ax, "from", a.from());
            putNullable(ax, "to", a.to());
            if (a.count() == null) {
                ax.putNull("count");
            } else {
                ax.put("count", a.count());
            }
            ax.put("integer", a.integer());
        }
        o.put("replicates", e.replicates());
        o.put("seed", e.seed());
        o.put("lastExperimentId", e.lastExperimentId());
        if (e.sensitivity()) {
            o.put("metric", e.metric());
            o.put("samples", e.samples());
        }
    }

    private static ObjectNode outputTree(CellOutput output) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("kind", output.kind());
        ObjectNode body = MAPPER.valueToTree(output);
        body.remove("kind");
        o.setAll(body);
        return o;
    }

    private static void putNullable(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static String pretty(JsonNode tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Reads typed members of one object, recording a problem (with its path) for each bad one. */
    private static final class Fields {
        final ObjectNode node;
        final String path;
        final List<NotebookProblem> problems;

        Fields(ObjectNode node, String path, List<NotebookProblem> problems) {
            this.node = node;
            this.path = path;
            this.problems = problems;
        }

        void allow(String... names) {
            List<String> allowed = List.of(names);
            node.fieldNames().forEachRemaining(n -> {
                if (!allowed.contains(n)) {
                    problems.add(new NotebookProblem(path + "." + shorten(n), "unknown field; allowed: " + String.join(", ", allowed)));
                }
            });
        }

        String string(String name, boolean required, String def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                if (required) {
                    problems.add(new NotebookProblem(path + "." + name, "is required"));
                }
                return def;
            }
            if (!v.isTextual()) {
                problems.add(new NotebookProblem(path + "." + name, "must be text (got " + shorten(v.toString()) + ")"));
                return def;
            }
            return v.textValue();
        }

        long integer(String name, long def, long min, long max) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
                problems.add(new NotebookProblem(path + "." + name, "must be a whole number (got " + shorten(v.toString()) + ")"));
                return def;
            }
            long x = v.asLong();
            if (x < min || x > max) {
                problems.add(new NotebookProblem(path + "." + name, "must be between " + min + " and " + max + " (got " + x + ")"));
                return def;
            }
            return x;
        }

        Double optionalNumber(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                problems.add(new NotebookProblem(path + "." + name, "must be a finite number (got " + shorten(v.toString()) + ")"));
                return null;
            }
            return v.doubleValue();
        }

        boolean bool(String name, boolean def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.isBoolean()) {
                problems.add(new NotebookProblem(path + "." + name, "must be true or false (got " + shorten(v.toString()) + ")"));
                return def;
            }
            return v.booleanValue();
        }
    }
}
