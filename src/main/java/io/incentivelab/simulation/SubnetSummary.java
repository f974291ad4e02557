package io.incentivelab.simulation;

import java.util.Map;

/**
 * One subnet's part of a run summary (model.md §9): its labels, and every numeric output averaged over
 * the samples of the last quarter of the horizon, keyed as in {@link SubnetRun#KEYS} (a dot marks a nested
 * object, e.g. {@code resources.compute}).
 *
 * @param name          the subnet's name
 * @param metric        SPEED, STORAGE, ACCURACY or MIXED
 * @param metricWeights for MIXED, the normalised weights by component (speed, storage, accuracy); else empty
 * @param rewardCurve   the curve's name as in model.md §5
 * @param values        numeric outputs in a fixed order
 */
public record SubnetSummary(String name, String metric, Map<String, Double> metricWeights, String rewardCurve,
                            Map<String, Double> values) {

    public SubnetSummary {
        metricWeights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metricWeights));
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    public double value(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no output " + key + "; known: " + values.keySet());
        }
        return v;
    }

    public double giniEmission() {
        return value("giniEmission");
    }

    public double hhiEmission() {
        return value("hhiEmission");
    }

    public double nakamotoEmission() {
        return value("nakamotoEmission");
    }

    public double top1Share() {
        return value("top1Share");
    }

    public double top10Share() {
        return value("top10Share");
    }

    public double emissionTao() {
        return value("emissionTao");
    }
}
