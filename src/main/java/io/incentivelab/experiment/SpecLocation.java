package io.incentivelab.experiment;

import java.util.Objects;

/**
 * Where in an experiment a problem is, as parts and indexes rather than a path string: the notebook maps these
 * onto its cells and axis rows, the HTTP API shows {@link #path()}.
 *
 * @param part       which part of the experiment
 * @param index      the scenario, axis or parameter index (from 0); -1 for parts without one
 * @param field      the field of that part (e.g. {@code from}, {@code steps}, {@code label}); null for the part itself
 * @param valueIndex the index of a LIST axis's value; -1 if none
 * @param detail     for {@link Part#SCENARIO}, the JSON path inside the scenario (e.g. {@code $.network.tempo});
 *                   for {@link Part#JSON}, the whole JSON path; otherwise null
 */
public record SpecLocation(Part part, int index, String field, int valueIndex, String detail) {

    /** The parts of an experiment. */
    public enum Part {
        /** The experiment's own fields ({@code name}, {@code scenarios}, {@code replicates}, {@code baseSeed}); none: {@code $}. */
        SPEC,
        /** One scenario ({@code label}, or {@code scenario} with the path inside it in {@code detail}). */
        SCENARIO,
        /** The sweep ({@code combine}, {@code axes}; none: the sweep as a whole). */
        SWEEP,
        /** One sweep axis. */
        AXIS,
        /** The sensitivity study ({@code method}, {@code metric}, {@code samples}, …). */
        SENSITIVITY,
        /** One parameter of the sensitivity study. */
        PARAMETER,
        /** A JSON path into an experiment file that has no part of its own (read from JSON text). */
        JSON
    }

    public SpecLocation {
        Objects.requireNonNull(part, "part");
    }

    /** A field of the experiment, e.g. {@code replicates}; null for the experiment as a whole. */
    public static SpecLocation spec(String field) {
        return new SpecLocation(Part.SPEC, -1, field, -1, null);
    }

    /** A field of scenario {@code s} ({@code label} or {@code scenario}). */
    public static SpecLocation scenario(int s, String field) {
        return new SpecLocation(Part.SCENARIO, s, field, -1, null);
    }

    /** A value inside scenario {@code s}, at {@code path} (a JSON path into the scenario, {@code $…}). */
    public static SpecLocation inScenario(int s, String path) {
        return new SpecLocation(Part.SCENARIO, s, "scenario", -1, path);
    }

    /** A field of the sweep; null for the sweep as a whole. */
    public static SpecLocation sweep(String field) {
        return new SpecLocation(Part.SWEEP, -1, field, -1, null);
    }

    /** A field of axis {@code k}; null for the axis itself. */
    public static SpecLocation axis(int k, String field) {
        return new SpecLocation(Part.AXIS, k, field, -1, null);
    }

    /** Value {@code j} of LIST axis {@code k}. */
    public static SpecLocation axisValue(int k, int j) {
        return new SpecLocation(Part.AXIS, k, "values", j, null);
    }

    /** A field of the sensitivity study; null for the study itself. */
    public static SpecLocation sensitivity(String field) {
        return new SpecLocation(Part.SENSITIVITY, -1, field, -1, null);
    }

    /** A field of sensitivity parameter {@code i}; null for the parameter itself. */
    public static SpecLocation parameter(int i, String field) {
        return new SpecLocation(Part.PARAMETER, i, field, -1, null);
    }

    /** A JSON path into an experiment file. */
    public static SpecLocation json(String path) {
        return new SpecLocation(Part.JSON, -1, null, -1, path);
    }

    /** The JSON path into the experiment file, e.g. {@code $.sweep.axes[0].steps}. */
    public String path() {
        String f = field == null ? "" : "." + field;
        return switch (part) {
            case SPEC -> "$" + f;
            case SCENARIO -> "$.scenarios[" + index + "]" + f + (detail == null ? "" : detail.substring(detail.startsWith("$") ? 1 : 0));
            case SWEEP -> "$.sweep" + f;
            case AXIS -> "$.sweep.axes[" + index + "]" + f + (valueIndex < 0 ? "" : "[" + valueIndex + "]");
            case SENSITIVITY -> "$.sensitivity" + f;
            case PARAMETER -> "$.sensitivity.parameters[" + index + "]" + f;
            case JSON -> detail;
        };
    }
}
