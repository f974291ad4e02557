package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One sweep axis of an experiment cell, as the experiment spec reads it.
 *
 * @param path    JSON path of a scenario field, e.g. {@code $.subnets[0].rewardCurve.alpha}
 * @param kind    LIST, RANGE, UNIFORM, LATIN_HYPERCUBE or SOBOL
 * @param values  the values of a LIST axis (numbers or strings)
 * @param from    lower bound of a numeric kind
 * @param to      upper bound of a numeric kind
 * @param count   steps of a RANGE, number of draws of the sampled kinds
 * @param integer round numeric values to whole numbers
 */
public record SweepAxis(String path, String kind, List<JsonNode> values, Double from, Double to, Integer count,
        boolean integer) {

    /** The axis kinds the experiment spec knows. */
    public static final List<String> KINDS = List.of("LIST", "RANGE", "UNIFORM", "LATIN_HYPERCUBE", "SOBOL");

    public SweepAxis {
        path = path == null ? "" : path;
        kind = kind == null ? "LIST" : kind;
        values = values == null ? List.of() : values.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** A LIST axis. */
    public static SweepAxis list(String path, List<JsonNode> values) {
        return new SweepAxis(path, "LIST", values, null, null, null, false);
    }

    /** A RANGE axis of {@code steps} evenly spaced values. */
    public static SweepAxis range(String path, double from, double to, int steps, boolean integer) {
        return new SweepAxis(path, "RANGE", List.of(), from, to, steps, integer);
    }
}
