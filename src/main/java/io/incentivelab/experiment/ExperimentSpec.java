package io.incentivelab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An experiment as the user writes it (schema version 1): one or more inline scenarios, sweep axes over JSON
 * paths into a scenario, the way the axes combine, the replicates per sweep point and the base seed.
 * Parsed and validated by {@link ExperimentSpecCodec}; expanded into points and runs by {@link ExperimentPlan}.
 */
public record ExperimentSpec(int schemaVersion, String name, String description, List<ScenarioEntry> scenarios, Combine combine,
        List<Axis> axes, int replicates, long baseSeed,
        // left out of the JSON when absent, so a sweep's hash (the notebook's staleness key) is what it was
        @JsonInclude(JsonInclude.Include.NON_NULL) Sensitivity sensitivity) {

    public static final int SCHEMA_VERSION = 1;

    public ExperimentSpec {
        scenarios = List.copyOf(scenarios);
        axes = List.copyOf(axes);
    }

    /** A sweep experiment (no sensitivity study). */
    public ExperimentSpec(int schemaVersion, String name, String description, List<ScenarioEntry> scenarios, Combine combine,
            List<Axis> axes, int replicates, long baseSeed) {
        this(schemaVersion, name, description, scenarios, combine, axes, replicates, baseSeed, null);
    }

    /**
     * A sensitivity study: its parameters become zipped axes whose values are the method's design
     * ({@link ExperimentPlan}); one point per design row and scenario.
     */
    public static ExperimentSpec sensitivity(String name, String description, List<ScenarioEntry> scenarios,
            Sensitivity study, int replicates, long baseSeed) {
        int rows = (int) Math.min(Integer.MAX_VALUE, study.rows());
        List<Axis> axes = study.parameters().stream()
                .map(p -> new Axis(p.path(), AxisKind.UNIFORM, List.of(), p.from(), p.to(), rows, p.integer())).toList();
        return new ExperimentSpec(SCHEMA_VERSION, name, description, scenarios, Combine.ZIP, axes, replicates, baseSeed, study);
    }

    /** One labelled scenario, kept as the JSON the engine reads. */
    public record ScenarioEntry(String label, JsonNode scenario) {
    }

    /** How several axes combine into sweep points. */
    public enum Combine {
        /** Cartesian product; the first axis varies slowest. */
        GRID,
        /** The i-th value of every axis together; all axes have the same number of values. */
        ZIP
    }

    /** How an axis produces its values. */
    public enum AxisKind {
        /** Explicit values (numbers or strings). */
        LIST,
        /** {@code steps} evenly spaced numbers from {@code from} to {@code to}, both included. */
        RANGE,
        /** {@code n} independent uniform draws in [from, to). */
        UNIFORM,
        /** {@code n} values, one uniform draw in each of n equal strata, strata shuffled (zipped axes form a Latin hypercube). */
        LATIN_HYPERCUBE,
        /** {@code n} points of a Sobol sequence (first point, the origin, skipped); zipped Sobol axes are joint dimensions. */
        SOBOL
    }

    /**
     * One sweep axis.
     *
     * @param path    where the value goes in the scenario, e.g. {@code $.subnets[0].rewardCurve.alpha}
     * @param values  for {@link AxisKind#LIST}
     * @param from    lower bound for numeric kinds
     * @param to      upper bound for numeric kinds
     * @param count   {@code steps} for RANGE, {@code n} for the sampled kinds
     * @param integer round numeric values to whole numbers
     */
    public record Axis(String path, AxisKind kind, List<JsonNode> values, Double from, Double to, Integer count,
            boolean integer) {
        public Axis {
            values = values == null ? List.of() : List.copyOf(values);
        }

        /** A LIST axis. */
        public static Axis list(String path, List<JsonNode> values) {
            return new Axis(path, AxisKind.LIST, values, null, null, null, false);
        }

        /** A RANGE axis of {@code steps} evenly spaced values. */
        public static Axis range(String path, double from, double to, int steps, boolean integer) {
            return new Axis(path, AxisKind.RANGE, List.of(), from, to, steps, integer);
        }
    }

    /** Sweep points (scenarios × axis combinations), computed without expanding them. */
    public int points() {
        return scenarios.size() * ExperimentPlan.combinations(this);
    }
}
