package io.incentivelab.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One subnet's part of a run summary (model.md §9): its labels, every numeric output averaged over the
 * samples of the last quarter of the horizon, and the same outputs at the final sample (the interval that
 * ends at the horizon), keyed as in {@link SubnetMetric} (a dot marks a nested object, e.g.
 * {@code resources.compute}).
 *
 * @param name          the subnet's name
 * @param metric        SPEED, STORAGE, ACCURACY or MIXED
 * @param metricWeights for MIXED, the normalised weights by component (speed, storage, accuracy); else empty
 * @param rewardCurve   the curve's name as in model.md §5
 * @param values        numeric outputs (last-quarter means) in a fixed order
 * @param finalValues   the same keys at the final sample
 */
public record SubnetSummary(String name, String metric, Map<String, Double> metricWeights, String rewardCurve,
                            Map<String, Double> values, Map<String, Double> finalValues) {

    public SubnetSummary {
        metricWeights = Collections.unmodifiableMap(new LinkedHashMap<>(metricWeights));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        finalValues = Collections.unmodifiableMap(new LinkedHashMap<>(finalValues));
    }

    /** The last-quarter mean of an output. */
    public double value(String key) {
        return get(values, key);
    }

    /** An output at the final sample. */
    public double finalValue(String key) {
        return get(finalValues, key);
    }

    private static double get(Map<String, Double> map, String key) {
        Double v = map.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no output " + key + "; known: " + map.keySet());
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
