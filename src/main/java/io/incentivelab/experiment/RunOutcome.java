package io.incentivelab.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one successful run leaves: every summary metric by name in the engine's order, and a down-sampled
 * time series.
 */
public record RunOutcome(Map<String, Double> metrics, CompactSeries series, String scenarioHash, String engineVersion) {

    public RunOutcome {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
