package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The leaves in which two JSON trees differ, by JSON path ({@code $.subnets[0].rewardCurve.type}). */
final class JsonDiff {

    private JsonDiff() {
    }

    static void diff(String path, JsonNode a, JsonNode b, List<CompareOutput.ParameterDiff> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "." + n, a.get(n), b.get(n), out);
            }
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        if (a == null && b == null) {
            return;
        }
        if (a == null || b == null || !a.equals(b)) {
            out.add(new CompareOutput.ParameterDiff(path, a == null ? null : a.toString(), b == null ? null : b.toString()));
        }
    }
}
