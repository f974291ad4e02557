package io.incentivelab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small subset of JSON path that names one value in a scenario: {@code $} followed by {@code .field},
 * {@code ['field']} or {@code [index]} segments, e.g. {@code $.subnets[0].rewardCurve.alpha}.
 */
record JsonPath(String text, List<Object> segments) {

    private static final Pattern SEGMENT = Pattern.compile(
            "\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d{1,6})]|\\['([^'\\]]+)']");

    /** Parses a path; throws {@link IllegalArgumentException} with a user-facing message. */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("must start with '$', e.g. $.subnets[0].rewardCurve.alpha");
        }
        List<Object> segments = new ArrayList<>();
        Matcher m = SEGMENT.matcher(text);
        int pos = 1;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("cannot read the path at character " + (pos + 1)
                        + " ('" + text.substring(pos) + "'); use .field, ['field'] or [index]");
            }
            if (m.group(1) != null) {
                segments.add(m.group(1));
            } else if (m.group(2) != null) {
                segments.add(Integer.parseInt(m.group(2)));
            } else {
                segments.add(m.group(3));
            }
            pos = m.end();
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("must name a field inside the scenario, not the whole scenario");
        }
        return new JsonPath(text, List.copyOf(segments));
    }

    /** The value at this path, or null when absent. */
    JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Object s : segments) {
            if (node == null) {
                return null;
            }
            node = s instanceof Integer i ? (node.isArray() ? node.get(i) : null) : (node.isObject() ? node.get((String) s) : null);
        }
        return node;
    }

    /**
     * Sets the value at this path in {@code root} (modified in place). The container of the last segment must
     * exist; a missing last field of an object is added (the engine's validation rejects unknown fields).
     *
     * @throws IllegalArgumentException naming the part of the path that does not exist
     */
    void set(JsonNode root, JsonNode value) {
        JsonNode node = root;
        for (int k = 0; k < segments.size() - 1; k++) {
            Object s = segments.get(k);
            JsonNode next = s instanceof Integer i ? (node.isArray() ? node.get(i) : null)
                    : (node.isObject() ? node.get((String) s) : null);
            if (next == null || !next.isContainerNode()) {
                throw new IllegalArgumentException("the scenario has no " + describe(k + 1));
            }
            node = next;
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof Integer i) {
            if (!node.isArray() || i >= node.size()) {
                throw new IllegalArgumentException("the scenario has no " + describe(segments.size()));
            }
            ((ArrayNode) node).set(i, value);
        } else {
            if (!node.isObject()) {
                throw new IllegalArgumentException("the scenario has no object at " + describe(segments.size() - 1));
            }
            ((ObjectNode) node).set((String) last, value);
        }
    }

    private String describe(int upTo) {
        StringBuilder b = new StringBuilder("$");
        for (int k = 0; k < upTo; k++) {
            Object s = segments.get(k);
            b.append(s instanceof Integer ? "[" + s + "]" : "." + s);
        }
        return b.toString();
    }
}
