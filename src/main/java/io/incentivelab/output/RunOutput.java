package io.incentivelab.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.RunResult;
import io.incentivelab.simulation.RunSummary;
import io.incentivelab.simulation.SubnetSummary;
import io.incentivelab.simulation.TimeSeries;
import io.incentivelab.simulation.model.Scenario;
import java.util.Map;

/**
 * A run's JSON: {@code {"summary": …, "timeSeries": …, "manifest": {"seed", "scenarioHash",
 * "engineVersion"}}} with no timestamps, so the same scenario, seed and engine version give the same bytes.
 * Dotted output keys become nested objects ({@code resources.compute} → {@code "resources": {"compute": …}});
 * a non-finite number is written as {@code null}. In the summary, each subnet and the network hold the
 * last-quarter means (the contract fields) and a {@code "final"} object with the same outputs at the final sample.
 */
public final class RunOutput {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RunOutput() {
    }

    /** The full object. */
    public static ObjectNode toJsonNode(Scenario scenario, RunResult result) {
        ObjectNode root = F.objectNode();
        root.set("summary", summary(result.summary()));
        root.set("timeSeries", timeSeries(result.timeSeries()));
        ObjectNode manifest = root.putObject("manifest");
        manifest.put("seed", result.seed());
        manifest.put("scenarioHash", ScenarioCodec.hash(scenario));
        manifest.put("engineVersion", result.engineVersion());
        return root;
    }

    /** The summary object alone (what {@code simulate} prints). */
    public static ObjectNode summary(RunSummary summary) {
        ObjectNode o = F.objectNode();
        ArrayNode subnets = o.putArray("subnets");
        for (SubnetSummary s : summary.subnets()) {
            ObjectNode sn = subnets.addObject();
            sn.put("name", s.name());
            sn.put("metric", s.metric());
            if (!s.metricWeights().isEmpty()) {
                ObjectNode mw = sn.putObject("metricWeights");
                s.metricWeights().forEach((k, v) -> putNumber(mw, k, v));
            }
            sn.put("rewardCurve", s.rewardCurve());
            nest(sn, s.values());
            nest(sn.putObject(RunSummary.FINAL), s.finalValues());
        }
        ObjectNode network = o.putObject("network");
        nest(network, summary.network());
        nest(network.putObject(RunSummary.FINAL), summary.networkFinal());
        return o;
    }

    public static ObjectNode timeSeries(TimeSeries ts) {
        ObjectNode o = F.objectNode();
        ArrayNode epochs = o.putArray("epochs");
        for (int e : ts.epochs()) {
            epochs.add(e);
        }
        ArrayNode days = o.putArray("days");
        for (double d : ts.days()) {
            days.add(d);
        }
        ObjectNode series = o.putObject("series");
        for (int k = 0; k < ts.keys().size(); k++) {
            ArrayNode a = series.putArray(ts.keys().get(k));
            for (double v : ts.columns()[k]) {
                if (Double.isFinite(v)) {
                    a.add(v);
                } else {
                    a.addNull();
                }
            }
        }
        return o;
    }

    public static String toJson(Scenario scenario, RunResult result, boolean pretty) {
        return write(toJsonNode(scenario, result), pretty);
    }

    /** A node as JSON text. */
    public static String write(ObjectNode node, boolean pretty) {
        try {
            return pretty ? ScenarioCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : ScenarioCodec.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void nest(ObjectNode target, Map<String, Double> values) {
        values.forEach((key, v) -> {
            String[] parts = key.split("\\.");
            ObjectNode at = target;
            for (int i = 0; i < parts.length - 1; i++) {
                ObjectNode next = (ObjectNode) at.get(parts[i]);
                if (next == null) {
                    next = at.putObject(parts[i]);
                }
                at = next;
            }
            putNumber(at, parts[parts.length - 1], v);
        });
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
