package io.incentivelab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpec.ScenarioEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes experiment files (JSON, {@code "schemaVersion": 1}). Reading checks the whole file and
 * reports every problem with its path; it never throws anything but {@link InvalidExperimentException}.
 *
 * <pre>
 * { "schemaVersion": 1, "name": "…",
 *   "scenarios": [ { "label": "…", "scenario": { …a scenario… } } ],
 *   "sweep": { "combine": "GRID" | "ZIP",
 *              "axes": [ { "path": "$.subnets[0].rewardCurve.alpha", "kind": "RANGE", "from": 1, "to": 3, "steps": 5 },
 *                        { "path": "$.network.splitRule", "kind": "LIST", "values": ["EQUAL", "FIXED"] },
 *                        { "path": "…", "kind": "UNIFORM" | "LATIN_HYPERCUBE" | "SOBOL", "from": 0, "to": 1, "n": 16,
 *                          "integer": false } ] },
 *   "replicates": 10, "baseSeed": 42 }
 * </pre>
 */
public final class ExperimentSpecCodec {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_PROBLEMS = ExperimentSpecCheck.MAX_PROBLEMS;
    private static final int MAX_AXES = ExperimentSpecCheck.MAX_AXES;
    private static final Set<String> ROOT_FIELDS = Set.of("schemaVersion", "name", "description", "scenarios", "sweep",
            "replicates", "baseSeed", "sensitivity");
    private static final Set<String> SENSITIVITY_FIELDS = Set.of("method", "metric", "samples", "levels", "resamples",
            "confidence", "parameters");
    private static final Set<String> PARAMETER_FIELDS = Set.of("path", "from", "to", "integer");
    private static final Set<String> AXIS_FIELDS = Set.of("path", "kind", "values", "from", "to", "steps", "n", "integer");

    private ExperimentSpecCodec() {
    }

    /** Parses JSON text; malformed JSON is reported as a problem at {@code $} with line and column. */
    public static ExperimentSpec parse(String json, ExperimentLimits limits) {
        return parse(json, limits, null);
    }

    /**
     * Parses JSON text and also checks each scenario with the engine's validator, so problems of the file and of
     * its scenarios are reported together.
     */
    public static ExperimentSpec parse(String json, ExperimentLimits limits, ScenarioCheck scenarios) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidExperimentException(List.of(new SpecProblem("$", "not valid JSON" + where + ": "
                    + e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidExperimentException(List.of(new SpecProblem("$", "the file is empty")));
        }
        return parse(root, limits, scenarios);
    }

    /**
     * Checks an experiment built in code (not read from a file) with the same rules and messages; its problems are
     * at {@link SpecLocation}s with the axis, value and parameter indexes.
     *
     * @param validator checks each scenario too; null to leave them unchecked
     * @return the spec in normal form
     * @throws InvalidExperimentException with every problem
     */
    public static ExperimentSpec check(ExperimentSpec spec, ExperimentLimits limits, ScenarioCheck validator) {
        return ExperimentSpecCheck.check(spec, limits, validator);
    }

    /** Checks and reads a parsed file. */
    public static ExperimentSpec parse(JsonNode root, ExperimentLimits limits) {
        return parse(root, limits, null);
    }

    /** Checks and reads a parsed file; with a validator, checks its scenarios too. */
    public static ExperimentSpec parse(JsonNode root, ExperimentLimits limits, ScenarioCheck validator) {
        List<SpecProblem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidExperimentException(List.of(new SpecProblem("$", "must be a JSON object")));
        }
        unknownFields(root, "$", ROOT_FIELDS, problems);
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            problems.add(new SpecProblem("$.schemaVersion", "required; this version of the app reads schemaVersion 1"));
        } else if (!version.canConvertToExactIntegral() || version.asInt() != ExperimentSpec.SCHEMA_VERSION) {
            problems.add(new SpecProblem("$.schemaVersion", "this version of the app reads schemaVersion "
                    + ExperimentSpec.SCHEMA_VERSION + ", the file has " + version));
        }
        String name = text(root, "name", "$.name", true, 200, problems);
        JsonNode d = root.get("description");
        String description = d != null && d.isTextual() && d.asText().isBlank() ? null
                : text(root, "description", "$.description", false, 5000, problems);
        List<ScenarioEntry> scenarios = scenarios(root.get("scenarios"), validator, problems);
        Combine combine = Combine.GRID;
        List<Axis> axes = new ArrayList<>();
        JsonNode sweep = root.get("sweep");
        if (sweep != null && !sweep.isNull()) {
            if (!sweep.isObject()) {
                problems.add(new SpecProblem("$.sweep", "must be an object with 'combine' and 'axes'"));
            } else {
                unknownFields(sweep, "$.sweep", Set.of("combine", "axes"), problems);
                JsonNode c = sweep.get("combine");
                if (c != null) {
                    combine = enumValue(Combine.class, c, "$.sweep.combine", problems, Combine.GRID);
                }
                axes = axes(sweep.get("axes"), limits, problems);
            }
        }
        int replicates = 1;
        JsonNode r = root.get("replicates");
        if (r != null) {
            if (!r.canConvertToExactIntegral() || r.asLong() < 1 || r.asLong() > limits.maxReplicates()) {
                problems.add(new SpecProblem("$.replicates", "must be a whole number from 1 to "
                        + limits.maxReplicates() + ", was " + r));
            } else {
                replicates = r.asInt();
            }
        }
        long baseSeed = 0;
        JsonNode s = root.get("baseSeed");
        if (s == null) {
            problems.add(new SpecProblem("$.baseSeed", "required: a whole number (any 64-bit value) from which every run's seed derives"));
        } else if (!s.isIntegralNumber() || !s.canConvertToLong()) {
            problems.add(new SpecProblem("$.baseSeed", "must be a whole number within 64 bits, was " + s));
        } else {
            baseSeed = s.asLong();
        }
        Sensitivity study = null;
        JsonNode sens = root.get("sensitivity");
        if (sens != null && !sens.isNull()) {
            if (sweep != null && !sweep.isNull()) {
                problems.add(new SpecProblem("$.sweep", "a sensitivity experiment samples its parameters itself"
                        + " ($.sensitivity.parameters); remove the sweep"));
            }
            study = sensitivity(sens, limits, problems);
            if (study != null) {
                axes = ExperimentSpec.sensitivity(name, description, scenarios, study, 1, 0).axes();
                combine = Combine.ZIP;
            }
        }
        ExperimentSpecCheck.zipSizes(combine, axes, problems);
        if (problems.isEmpty()) {
            ExperimentSpecCheck.limits(combine, axes, scenarios.size(), replicates, limits, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        if (study != null) {
            return ExperimentSpec.sensitivity(name, description, scenarios, study, replicates, baseSeed);
        }
        return new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, name, description, scenarios, combine, axes, replicates, baseSeed);
    }

    /** Reads {@code $.sensitivity}; null (with problems) if it is not valid. */
    private static Sensitivity sensitivity(JsonNode node, ExperimentLimits limits, List<SpecProblem> problems) {
        String at = "$.sensitivity";
        if (!node.isObject()) {
            problems.add(new SpecProblem(at, "must be an object with 'method', 'metric', 'samples' and 'parameters'"));
            return null;
        }
        int before = problems.size();
        unknownFields(node, at, SENSITIVITY_FIELDS, problems);
        Sensitivity.Method method = null;
        JsonNode m = node.get("method");
        if (m == null) {
            problems.add(new SpecProblem(at + ".method", "required: SALTELLI (Sobol indices) or MORRIS (elementary effects)"));
        } else {
            method = enumValue(Sensitivity.Method.class, m, at + ".method", problems, null);
        }
        String metric = text(node, "metric", at + ".metric", true, 300, problems);
        int samples = wholeNumber(node, "samples", at, 2, 100_000, null, problems);
        int levels = wholeNumber(node, "levels", at, 2, 100, Sensitivity.DEFAULT_LEVELS, problems);
        if (method == Sensitivity.Method.MORRIS && levels % 2 != 0) {
            problems.add(new SpecProblem(at + ".levels", "must be even (Morris's jump is half the levels), was " + levels));
        }
        if (method == Sensitivity.Method.SALTELLI && node.has("levels")) {
            problems.add(new SpecProblem(at + ".levels", "only MORRIS has levels; remove it"));
        }
        int resamples = wholeNumber(node, "resamples", at, 0, Sensitivity.MAX_RESAMPLES, Sensitivity.DEFAULT_RESAMPLES,
                problems);
        double confidence = Sensitivity.DEFAULT_CONFIDENCE;
        JsonNode c = node.get("confidence");
        if (c != null) {
            if (!c.isNumber() || !(c.asDouble() > 0) || !(c.asDouble() < 1)) {
                problems.add(new SpecProblem(at + ".confidence", "must be a number between 0 and 1 (exclusive), e.g. 0.95, was " + c));
            } else {
                confidence = c.asDouble();
            }
        }
        List<Sensitivity.Parameter> params = new ArrayList<>();
        JsonNode ps = node.get("parameters");
        if (ps == null || !ps.isArray() || ps.isEmpty()) {
            problems.add(new SpecProblem(at + ".parameters", "required: a non-empty array of {\"path\", \"from\", \"to\"}"));
        } else if (ps.size() > MAX_AXES) {
            problems.add(new SpecProblem(at + ".parameters", "has " + ps.size() + " parameters; at most " + MAX_AXES));
        } else {
            Set<String> paths = new HashSet<>();
            for (int i = 0; i < ps.size(); i++) {
                String pat = at + ".parameters[" + i + "]";
                JsonNode p = ps.get(i);
                if (!p.isObject()) {
                    problems.add(new SpecProblem(pat, "must be an object with 'path', 'from' and 'to'"));
                    continue;
                }
                int pb = problems.size();
                unknownFields(p, pat, PARAMETER_FIELDS, problems);
                String path = path(p, pat, paths, "another parameter already varies ", problems);
                Double from = number(p, "from", pat, problems);
                Double to = number(p, "to", pat, problems);
                if (from != null && to != null && !(from < to)) {
                    problems.add(new SpecProblem(pat + ".to", "must be above 'from' (" + from + "), was " + to));
                }
                JsonNode integer = p.get("integer");
                if (integer != null && !integer.isBoolean()) {
                    problems.add(new SpecProblem(pat + ".integer", "must be true or false"));
                }
                if (problems.size() == pb) {
                    params.add(new Sensitivity.Parameter(path, from, to, integer != null && integer.asBoolean()));
                }
            }
        }
        if (problems.size() != before) {
            return null;
        }
        Sensitivity s = new Sensitivity(method, metric, samples, levels, resamples, confidence, params);
        if (s.rows() > limits.maxPoints()) {
            problems.add(new SpecProblem(at + ".samples", "the design has " + s.rows() + " points ("
                    + (method == Sensitivity.Method.SALTELLI ? "N·(k+2) = " + samples + "·" + (params.size() + 2)
                    : "r·(k+1) = " + samples + "·" + (params.size() + 1)) + "); the limit is " + limits.maxPoints()));
            return null;
        }
        return s;
    }

    private static int wholeNumber(JsonNode o, String field, String at, int min, int max, Integer fallback,
            List<SpecProblem> problems) {
        JsonNode n = o.get(field);
        if (n == null) {
            if (fallback == null) {
                problems.add(new SpecProblem(at + "." + field, "required: a whole number from " + min + " to " + max));
                return min;
            }
            return fallback;
        }
        if (!n.canConvertToExactIntegral() || n.asLong() < min || n.asLong() > max) {
            problems.add(new SpecProblem(at + "." + field, "must be a whole number from " + min + " to " + max + ", was " + n));
            return min;
        }
        return n.asInt();
    }

    /** The canonical JSON of a spec (what the store keeps, and what parses back to an equal spec). */
    public static ObjectNode toJson(ExperimentSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", spec.schemaVersion());
        root.put("name", spec.name());
        if (spec.description() != null) {
            root.put("description", spec.description());
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioEntry e : spec.scenarios()) {
            ObjectNode s = scenarios.addObject();
            s.put("label", e.label());
            s.set("scenario", e.scenario().deepCopy());
        }
        if (spec.sensitivity() != null) {
            Sensitivity st = spec.sensitivity();
            ObjectNode o = root.putObject("sensitivity");
            o.put("method", st.method().name());
            o.put("metric", st.metric());
            o.put("samples", st.samples());
            if (st.method() == Sensitivity.Method.MORRIS) {
                o.put("levels", st.levels());
            }
            o.put("resamples", st.resamples());
            o.put("confidence", st.confidence());
            ArrayNode ps = o.putArray("parameters");
            for (Sensitivity.Parameter p : st.parameters()) {
                ObjectNode po = ps.addObject();
                po.put("path", p.path());
                po.put("from", p.from());
                po.put("to", p.to());
                if (p.integer()) {
                    po.put("integer", true);
                }
            }
            root.put("replicates", spec.replicates());
            root.put("baseSeed", spec.baseSeed());
            return root;
        }
        ObjectNode sweep = root.putObject("sweep");
        sweep.put("combine", spec.combine().name());
        ArrayNode axes = sweep.putArray("axes");
        for (Axis a : spec.axes()) {
            ObjectNode o = axes.addObject();
            o.put("path", a.path());
            o.put("kind", a.kind().name());
            switch (a.kind()) {
                case LIST -> a.values().forEach(v -> o.withArray("values").add(v));
                case RANGE -> {
                    o.put("from", a.from());
                    o.put("to", a.to());
                    o.put("steps", a.count());
                }
                default -> {
                    o.put("from", a.from());
                    o.put("to", a.to());
                    o.put("n", a.count());
                }
            }
            if (a.integer()) {
                o.put("integer", true);
            }
        }
        root.put("replicates", spec.replicates());
        root.put("baseSeed", spec.baseSeed());
        return root;
    }

    private static List<ScenarioEntry> scenarios(JsonNode node, ScenarioCheck validator, List<SpecProblem> problems) {
        List<ScenarioEntry> list = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(new SpecProblem("$.scenarios", "required: a non-empty array of {\"label\": …, \"scenario\": {…}}"));
            return list;
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "$.scenarios[" + i + "]";
            JsonNode e = node.get(i);
            if (!e.isObject()) {
                problems.add(new SpecProblem(at, "must be an object with 'label' and 'scenario'"));
                continue;
            }
            unknownFields(e, at, Set.of("label", "scenario"), problems);
            String label = text(e, "label", at + ".label", true, 100, problems);
            if (label != null && !labels.add(label)) {
                problems.add(new SpecProblem(at + ".label", "'" + label + "' is used by an earlier scenario; labels must differ"));
            }
            JsonNode scenario = e.get("scenario");
            if (scenario == null || !scenario.isObject()) {
                problems.add(new SpecProblem(at + ".scenario", "required: the scenario as a JSON object"));
            } else {
                if (validator != null) {
                    for (SpecProblem p : validator.validate(scenario)) {
                        problems.add(new SpecProblem(at + ".scenario" + p.path().substring(p.path().startsWith("$") ? 1 : 0),
                                p.message()));
                    }
                }
                if (label != null) {
                    list.add(new ScenarioEntry(label, scenario));
                }
            }
        }
        return list;
    }

    private static List<Axis> axes(JsonNode node, ExperimentLimits limits, List<SpecProblem> problems) {
        List<Axis> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        if (!node.isArray()) {
            problems.add(new SpecProblem("$.sweep.axes", "must be an array of axes"));
            return list;
        }
        if (node.size() > MAX_AXES) {
            problems.add(new SpecProblem("$.sweep.axes", "has " + node.size() + " axes; at most " + MAX_AXES));
            return list;
        }
        Set<String> paths = new HashSet<>();
        for (int k = 0; k < node.size(); k++) {
            String at = "$.sweep.axes[" + k + "]";
            JsonNode a = node.get(k);
            if (!a.isObject()) {
                problems.add(new SpecProblem(at, "must be an object with 'path' and 'kind'"));
                continue;
            }
            int before = problems.size();
            unknownFields(a, at, AXIS_FIELDS, problems);
            String path = path(a, at, paths, "another axis already sweeps ", problems);
            JsonNode kindNode = a.get("kind");
            AxisKind kind = null;
            if (kindNode == null) {
                problems.add(new SpecProblem(at + ".kind", "required: one of LIST, RANGE, UNIFORM, LATIN_HYPERCUBE, SOBOL"));
            } else {
                kind = enumValue(AxisKind.class, kindNode, at + ".kind", problems, null);
            }
            boolean integer = false;
            JsonNode integerNode = a.get("integer");
            if (integerNode != null && !integerNode.isBoolean()) {
                problems.add(new SpecProblem(at + ".integer", "must be true or false"));
            } else if (integerNode != null) {
                integer = integerNode.asBoolean();
            }
            List<JsonNode> values = List.of();
            Double from = null;
            Double to = null;
            Integer count = null;
            if (kind == AxisKind.LIST) {
                JsonNode v = a.get("values");
                if (v == null || !v.isArray() || v.isEmpty()) {
                    problems.add(new SpecProblem(at + ".values", "required for LIST: a non-empty array of numbers or strings"));
                } else if (v.size() > limits.maxPoints()) {
                    problems.add(new SpecProblem(at + ".values", "has " + v.size() + " values; at most " + limits.maxPoints()));
                } else {
                    List<JsonNode> vs = new ArrayList<>();
                    for (int i = 0; i < v.size(); i++) {
                        JsonNode x = v.get(i);
                        if (!(x.isNumber() || x.isTextual() || x.isBoolean())) {
                            problems.add(new SpecProblem(at + ".values[" + i + "]", "must be a number, a string or a boolean"));
                        } else if (x.isNumber() && !Double.isFinite(x.asDouble())) {
                            problems.add(new SpecProblem(at + ".values[" + i + "]", "must be a finite number"));
                        } else {
                            vs.add(integer && x.isNumber() ? MAPPER.getNodeFactory().numberNode(Math.round(x.asDouble())) : x);
                        }
                    }
                    values = vs;
                }
                for (String f : List.of("from", "to", "steps", "n")) {
                    if (a.has(f)) {
                        problems.add(new SpecProblem(at + "." + f, "not used by a LIST axis; remove it"));
                    }
                }
            } else if (kind != null) {
                from = number(a, "from", at, problems);
                to = number(a, "to", at, problems);
                String countField = kind == AxisKind.RANGE ? "steps" : "n";
                String otherField = kind == AxisKind.RANGE ? "n" : "steps";
                if (a.has(otherField)) {
                    problems.add(new SpecProblem(at + "." + otherField, "a " + kind + " axis takes '" + countField + "', not '" + otherField + "'"));
                }
                if (a.has("values")) {
                    problems.add(new SpecProblem(at + ".values", "only a LIST axis takes 'values'"));
                }
                JsonNode c = a.get(countField);
                if (c == null || !c.canConvertToExactIntegral() || c.asLong() < 1 || c.asLong() > limits.maxPoints()) {
                    problems.add(new SpecProblem(at + "." + countField, "required: a whole number from 1 to " + limits.maxPoints()
                            + (c == null ? "" : ", was " + c)));
                } else {
                    count = c.asInt();
                }
                if (from != null && to != null) {
                    if (kind == AxisKind.RANGE && from > to) {
                        problems.add(new SpecProblem(at + ".to", "must not be below 'from' (" + from + "), was " + to));
                    } else if (kind != AxisKind.RANGE && !(from < to)) {
                        problems.add(new SpecProblem(at + ".to", "must be above 'from' (" + from + "), was " + to));
                    }
                    if (kind == AxisKind.RANGE && count != null && count == 1 && !from.equals(to)) {
                        problems.add(new SpecProblem(at + ".steps", "1 step covers one value; use 'from' = 'to' or at least 2 steps"));
                    }
                }
            }
            if (problems.size() == before && path != null && kind != null) {
                list.add(new Axis(path, kind, values, from, to, count, integer));
            }
        }
        return list;
    }

    /**
     * Reads {@code at.path}: a JSON path into the scenario, in its normal form; null (with a problem) if it is
     * missing, does not parse, or is already in {@code seen} (then {@code taken} + the path is the message).
     */
    private static String path(JsonNode o, String at, Set<String> seen, String taken, List<SpecProblem> problems) {
        String path = text(o, "path", at + ".path", true, 300, problems);
        if (path == null) {
            return null;
        }
        try {
            path = JsonPath.parse(path).text();
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(at + ".path", e.getMessage()));
            return null;
        }
        if (!seen.add(path)) {
            problems.add(new SpecProblem(at + ".path", taken + path));
        }
        return path;
    }

    private static Double number(JsonNode a, String field, String at, List<SpecProblem> problems) {
        JsonNode n = a.get(field);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            problems.add(new SpecProblem(at + "." + field, "required: a finite number" + (n == null ? "" : ", was " + n)));
            return null;
        }
        return n.asDouble();
    }

    private static String text(JsonNode o, String field, String at, boolean required, int maxLength, List<SpecProblem> problems) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                problems.add(new SpecProblem(at, "required: a non-empty string"));
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(new SpecProblem(at, "must be a non-empty string"));
            return null;
        }
        if (n.asText().length() > maxLength) {
            problems.add(new SpecProblem(at, "at most " + maxLength + " characters, was " + n.asText().length()));
            return null;
        }
        return n.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String at, List<SpecProblem> problems, E fallback) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
            if (n.isTextual() && e.name().equals(n.asText().toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        problems.add(new SpecProblem(at, "must be one of " + String.join(", ", names) + ", was " + n));
        return fallback;
    }

    private static void unknownFields(JsonNode o, String at, Set<String> known, List<SpecProblem> problems) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                problems.add(new SpecProblem(at + "." + f, "unknown field; known fields are " + known.stream().sorted().toList()));
            }
        }
    }
}
