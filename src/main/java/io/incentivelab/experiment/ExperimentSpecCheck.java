package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentSpec.ScenarioEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an experiment built in code (the notebook's cells, not a file): the rules and messages of
 * {@link ExperimentSpecCodec}, applied to typed values, with each problem at a {@link SpecLocation} (axis,
 * value and parameter indexes) instead of a path into JSON text.
 */
final class ExperimentSpecCheck {

    static final int MAX_PROBLEMS = 50;
    static final int MAX_AXES = 50;
    private static final String KINDS = String.join(", ", Arrays.stream(AxisKind.values()).map(Enum::name).toList());

    private ExperimentSpecCheck() {
    }

    /**
     * The spec in normal form (a blank description dropped, LIST values of an integer axis rounded, fields an axis
     * kind does not read cleared) if it can run within the limits.
     *
     * @param validator checks each scenario; null to leave the scenarios to {@link ExperimentPlan}
     * @throws InvalidExperimentException with every problem (at most 50)
     */
    static ExperimentSpec check(ExperimentSpec spec, ExperimentLimits limits, ScenarioCheck validator) {
        List<SpecProblem> problems = new ArrayList<>();
        if (spec.schemaVersion() != ExperimentSpec.SCHEMA_VERSION) {
            problems.add(new SpecProblem(SpecLocation.spec("schemaVersion"), "this version of the app reads schemaVersion "
                    + ExperimentSpec.SCHEMA_VERSION + ", the spec has " + spec.schemaVersion()));
        }
        text(spec.name(), SpecLocation.spec("name"), 200, problems);
        String description = spec.description() == null || spec.description().isBlank() ? null : spec.description();
        if (description != null && description.length() > 5000) {
            problems.add(new SpecProblem(SpecLocation.spec("description"), "at most 5000 characters, was " + description.length()));
        }
        List<ScenarioEntry> scenarios = scenarios(spec.scenarios(), validator, problems);
        Sensitivity study = spec.sensitivity();
        List<Axis> axes = List.of();
        Combine combine = spec.combine();
        if (study == null) {
            if (combine == null) {
                problems.add(new SpecProblem(SpecLocation.sweep("combine"), "must be one of GRID, ZIP"));
                combine = Combine.GRID;
            }
            axes = axes(spec.axes(), limits, problems);
        }
        if (spec.replicates() < 1 || spec.replicates() > limits.maxReplicates()) {
            problems.add(new SpecProblem(SpecLocation.spec("replicates"), "must be a whole number from 1 to "
                    + limits.maxReplicates() + ", was " + spec.replicates()));
        }
        if (study != null) {
            int before = problems.size();
            sensitivity(study, limits, problems);
            if (problems.size() != before) {
                study = null;
            }
        }
        if (study != null) {
            axes = ExperimentSpec.sensitivity(spec.name(), description, scenarios, study, 1, 0).axes();
            combine = Combine.ZIP;
        } else if (spec.sensitivity() == null) {
            zipSizes(combine, axes, problems);
        }
        if (problems.isEmpty()) {
            limits(combine, axes, scenarios.size(), spec.replicates(), limits, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        if (study != null) {
            return ExperimentSpec.sensitivity(spec.name(), description, scenarios, study, spec.replicates(), spec.baseSeed());
        }
        return new ExperimentSpec(ExperimentSpec.SCHEMA_VERSION, spec.name(), description, scenarios, combine, axes,
                spec.replicates(), spec.baseSeed());
    }

    /**
     * Zipped axes need the same number of values. {@code valid} holds the axes without problems, in order; like the
     * file reader, a problem names an axis by its index in that list (the same as in the spec when no axis has a
     * problem).
     */
    static void zipSizes(Combine combine, List<Axis> valid, List<SpecProblem> problems) {
        if (combine != Combine.ZIP || valid.size() < 2) {
            return;
        }
        int first = ExperimentPlan.axisSize(valid.get(0));
        for (int k = 1; k < valid.size(); k++) {
            int size = ExperimentPlan.axisSize(valid.get(k));
            if (size != first) {
                problems.add(new SpecProblem(SpecLocation.axis(k, null), "zipped axes need the same number of values: axis 0 has "
                        + first + ", this one " + size));
            }
        }
    }

    /** The size limits: points (scenarios × combinations) and runs (points × replicates). */
    static void limits(Combine combine, List<Axis> axes, int scenarios, int replicates, ExperimentLimits limits,
            List<SpecProblem> problems) {
        long combos = 1;
        if (combine == Combine.GRID) {
            for (Axis a : axes) {
                combos = Math.min(combos * ExperimentPlan.axisSize(a), Integer.MAX_VALUE);
            }
        } else if (!axes.isEmpty()) {
            combos = ExperimentPlan.axisSize(axes.get(0));
        }
        long points = combos * scenarios;
        long runs = points * replicates;
        if (points > limits.maxPoints()) {
            problems.add(new SpecProblem(SpecLocation.sweep(null), "the experiment has " + points + " sweep points (" + scenarios
                    + " scenario(s) × " + combos + " combinations); the limit is " + limits.maxPoints()));
        }
        if (runs > limits.maxRuns()) {
            problems.add(new SpecProblem(SpecLocation.spec("replicates"), "the experiment has " + runs + " runs (" + points
                    + " points × " + replicates + " replicates); the limit is " + limits.maxRuns()));
        }
    }

    private static List<ScenarioEntry> scenarios(List<ScenarioEntry> entries, ScenarioCheck validator, List<SpecProblem> problems) {
        List<ScenarioEntry> list = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add(new SpecProblem(SpecLocation.spec("scenarios"), "required: a non-empty array of {\"label\": …, \"scenario\": {…}}"));
            return list;
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ScenarioEntry e = entries.get(i);
            String label = text(e.label(), SpecLocation.scenario(i, "label"), 100, problems);
            if (label != null && !labels.add(label)) {
                problems.add(new SpecProblem(SpecLocation.scenario(i, "label"), "'" + label
                        + "' is used by an earlier scenario; labels must differ"));
            }
            if (e.scenario() == null || !e.scenario().isObject()) {
                problems.add(new SpecProblem(SpecLocation.scenario(i, "scenario"), "required: the scenario as a JSON object"));
                continue;
            }
            if (validator != null) {
                for (SpecProblem p : validator.validate(e.scenario())) {
                    problems.add(new SpecProblem(SpecLocation.inScenario(i, p.path()), p.message()));
                }
            }
            if (label != null) {
                list.add(e);
            }
        }
        return list;
    }

    private static List<Axis> axes(List<Axis> axes, ExperimentLimits limits, List<SpecProblem> problems) {
        List<Axis> list = new ArrayList<>();
        if (axes.size() > MAX_AXES) {
            problems.add(new SpecProblem(SpecLocation.sweep("axes"), "has " + axes.size() + " axes; at most " + MAX_AXES));
            return list;
        }
        Set<String> paths = new HashSet<>();
        for (int k = 0; k < axes.size(); k++) {
            Axis a = axes.get(k);
            int before = problems.size();
            String path = path(a.path(), SpecLocation.axis(k, "path"), paths, "another axis already sweeps ", problems);
            AxisKind kind = a.kind();
            if (kind == null) {
                problems.add(new SpecProblem(SpecLocation.axis(k, "kind"), "required: one of " + KINDS));
            }
            List<JsonNode> values = List.of();
            Double from = null;
            Double to = null;
            Integer count = null;
            if (kind == AxisKind.LIST) {
                if (a.values().isEmpty()) {
                    problems.add(new SpecProblem(SpecLocation.axis(k, "values"), "required for LIST: a non-empty array of numbers or strings"));
                } else if (a.values().size() > limits.maxPoints()) {
                    problems.add(new SpecProblem(SpecLocation.axis(k, "values"), "has " + a.values().size() + " values; at most "
                            + limits.maxPoints()));
                } else {
                    List<JsonNode> vs = new ArrayList<>();
                    for (int j = 0; j < a.values().size(); j++) {
                        JsonNode x = a.values().get(j);
                        if (x == null || !(x.isNumber() || x.isTextual() || x.isBoolean())) {
                            problems.add(new SpecProblem(SpecLocation.axisValue(k, j), "must be a number, a string or a boolean"));
                        } else if (x.isNumber() && !Double.isFinite(x.asDouble())) {
                            problems.add(new SpecProblem(SpecLocation.axisValue(k, j), "must be a finite number"));
                        } else {
                            vs.add(a.integer() && x.isNumber() ? JsonNodeFactory.instance.numberNode(Math.round(x.asDouble())) : x);
                        }
                    }
                    values = vs;
                }
            } else if (kind != null) {
                from = number(a.from(), SpecLocation.axis(k, "from"), problems);
                to = number(a.to(), SpecLocation.axis(k, "to"), problems);
                String countField = kind == AxisKind.RANGE ? "steps" : "n";
                Integer c = a.count();
                if (c == null || c < 1 || c > limits.maxPoints()) {
                    problems.add(new SpecProblem(SpecLocation.axis(k, countField), "required: a whole number from 1 to "
                            + limits.maxPoints() + (c == null ? "" : ", was " + c)));
                } else {
                    count = c;
                }
                if (from != null && to != null) {
                    if (kind == AxisKind.RANGE && from > to) {
                        problems.add(new SpecProblem(SpecLocation.axis(k, "to"), "must not be below 'from' (" + from + "), was " + to));
                    } else if (kind != AxisKind.RANGE && !(from < to)) {
                        problems.add(new SpecProblem(SpecLocation.axis(k, "to"), "must be above 'from' (" + from + "), was " + to));
                    }
                    if (kind == AxisKind.RANGE && count != null && count == 1 && !from.equals(to)) {
                        problems.add(new SpecProblem(SpecLocation.axis(k, "steps"), "1 step covers one value; use 'from' = 'to' or at least 2 steps"));
                    }
                }
            }
            if (problems.size() == before && path != null && kind != null) {
                list.add(new Axis(path, kind, values, from, to, count, a.integer()));
            }
        }
        return list;
    }

    private static void sensitivity(Sensitivity s, ExperimentLimits limits, List<SpecProblem> problems) {
        int before = problems.size();
        if (s.method() == null) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("method"), "required: SALTELLI (Sobol indices) or MORRIS (elementary effects)"));
        }
        text(s.metric(), SpecLocation.sensitivity("metric"), 300, problems);
        wholeNumber(s.samples(), SpecLocation.sensitivity("samples"), 2, 100_000, problems);
        wholeNumber(s.levels(), SpecLocation.sensitivity("levels"), 2, 100, problems);
        if (s.method() == Sensitivity.Method.MORRIS && s.levels() % 2 != 0) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("levels"), "must be even (Morris's jump is half the levels), was "
                    + s.levels()));
        }
        wholeNumber(s.resamples(), SpecLocation.sensitivity("resamples"), 0, Sensitivity.MAX_RESAMPLES, problems);
        if (!(s.confidence() > 0) || !(s.confidence() < 1)) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("confidence"),
                    "must be a number between 0 and 1 (exclusive), e.g. 0.95, was " + s.confidence()));
        }
        if (s.parameters().isEmpty()) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("parameters"), "required: a non-empty array of {\"path\", \"from\", \"to\"}"));
        } else if (s.parameters().size() > MAX_AXES) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("parameters"), "has " + s.parameters().size()
                    + " parameters; at most " + MAX_AXES));
        } else {
            Set<String> paths = new HashSet<>();
            for (int i = 0; i < s.parameters().size(); i++) {
                Sensitivity.Parameter p = s.parameters().get(i);
                path(p.path(), SpecLocation.parameter(i, "path"), paths, "another parameter already varies ", problems);
                Double from = number(p.from(), SpecLocation.parameter(i, "from"), problems);
                Double to = number(p.to(), SpecLocation.parameter(i, "to"), problems);
                if (from != null && to != null && !(from < to)) {
                    problems.add(new SpecProblem(SpecLocation.parameter(i, "to"), "must be above 'from' (" + from + "), was " + to));
                }
            }
        }
        if (problems.size() != before) {
            return;
        }
        if (s.rows() > limits.maxPoints()) {
            problems.add(new SpecProblem(SpecLocation.sensitivity("samples"), "the design has " + s.rows() + " points ("
                    + (s.method() == Sensitivity.Method.SALTELLI ? "N·(k+2) = " + s.samples() + "·" + (s.parameters().size() + 2)
                    : "r·(k+1) = " + s.samples() + "·" + (s.parameters().size() + 1)) + "); the limit is " + limits.maxPoints()));
        }
    }

    private static void wholeNumber(int n, SpecLocation at, int min, int max, List<SpecProblem> problems) {
        if (n < min || n > max) {
            problems.add(new SpecProblem(at, "must be a whole number from " + min + " to " + max + ", was " + n));
        }
    }

    /**
     * A JSON path into the scenario in its normal form; null (with a problem) if it is missing, does not parse,
     * or is already in {@code seen} (then {@code taken} + the path is the message).
     */
    static String path(String text, SpecLocation at, Set<String> seen, String taken, List<SpecProblem> problems) {
        String path = text(text, at, 300, problems);
        if (path == null) {
            return null;
        }
        try {
            path = JsonPath.parse(path).text();
        } catch (IllegalArgumentException e) {
            problems.add(new SpecProblem(at, e.getMessage()));
            return null;
        }
        if (!seen.add(path)) {
            problems.add(new SpecProblem(at, taken + path));
        }
        return path;
    }

    private static Double number(Double n, SpecLocation at, List<SpecProblem> problems) {
        if (n == null || !Double.isFinite(n)) {
            problems.add(new SpecProblem(at, "required: a finite number" + (n == null ? "" : ", was " + n)));
            return null;
        }
        return n;
    }

    /** A required non-blank text of at most {@code maxLength} characters; null (with a problem) otherwise. */
    static String text(String value, SpecLocation at, int maxLength, List<SpecProblem> problems) {
        if (value == null) {
            problems.add(new SpecProblem(at, "required: a non-empty string"));
            return null;
        }
        if (value.isBlank()) {
            problems.add(new SpecProblem(at, "must be a non-empty string"));
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new SpecProblem(at, "at most " + maxLength + " characters, was " + value.length()));
            return null;
        }
        return value;
    }
}
