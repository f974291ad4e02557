package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.notebook.ScenarioFields;
import java.util.Locale;

/** Short texts describing a scenario's subnets (effective values: defaults where the JSON leaves them out). */
final class SubnetTexts {

    private SubnetTexts() {
    }

    /** A field of subnet {@code i} (path relative to the subnet) as text; "–" when it has none. */
    static String text(ObjectNode scenario, int i, String rel) {
        JsonNode v = ScenarioFields.effective(scenario, "$.subnets[" + i + "]." + rel);
        if (v == null || v.isNull()) {
            return "–";
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.valueOf(d);
        }
        return v.asText();
    }

    /** The subnet's metric, with the weights of a MIXED one. */
    static String metric(ObjectNode scenario, int i) {
        String m = text(scenario, i, "metric");
        if (!m.equals("MIXED")) {
            return m;
        }
        return "MIXED (speed " + text(scenario, i, "metricWeights.speed") + ", storage "
                + text(scenario, i, "metricWeights.storage") + ", accuracy " + text(scenario, i, "metricWeights.accuracy") + ")";
    }

    /** The subnet's reward curve in words, with its parameter: "power (α 2)". */
    static String curve(ObjectNode scenario, int i) {
        String type = text(scenario, i, "rewardCurve.type");
        String param = switch (type) {
            case "POWER" -> "α " + text(scenario, i, "rewardCurve.alpha");
            case "SOFTMAX" -> "τ " + text(scenario, i, "rewardCurve.tau");
            case "TOP_K" -> "k " + text(scenario, i, "rewardCurve.k");
            case "RANK_DECAY" -> "d " + text(scenario, i, "rewardCurve.decay");
            case "THRESHOLD" -> "θ " + text(scenario, i, "rewardCurve.theta");
            default -> "";
        };
        return type.toLowerCase(Locale.ROOT).replace('_', ' ') + (param.isEmpty() ? "" : " (" + param + ")");
    }

    /** One line for subnet {@code i}: name, metric, curve, miners and validators, share of emission. */
    static String line(ObjectNode scenario, int i) {
        return text(scenario, i, "name") + ": " + metric(scenario, i) + ", " + curve(scenario, i) + ", "
                + text(scenario, i, "miners.operators") + " operators × " + text(scenario, i, "miners.uidsPerOperator")
                + " UIDs, " + text(scenario, i, "validators.count") + " validators, share "
                + text(scenario, i, "emissionShare");
    }
}
