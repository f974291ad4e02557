package io.incentivelab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's metrics as compact JSON text, keeping their order: finite values as JSON numbers (shortest
 * round-trip form, so reading gives back the same double), NaN and infinities as the strings "NaN",
 * "Infinity", "-Infinity".
 */
final class MetricsCodec {

    private MetricsCodec() {
    }

    static String encode(Map<String, Double> metrics) {
        ObjectNode o = ExperimentSpecCodec.MAPPER.createObjectNode();
        metrics.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                o.put(k, String.valueOf(v == null ? Double.NaN : v));
            } else {
                o.put(k, v);
            }
        });
        return o.toString();
    }

    static LinkedHashMap<String, Double> decode(String json) {
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        if (json == null || json.isEmpty()) {
            return metrics;
        }
        try {
            JsonNode o = ExperimentSpecCodec.MAPPER.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.parseDouble(e.getValue().asText()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metrics are not JSON", e);
        }
        return metrics;
    }
}
