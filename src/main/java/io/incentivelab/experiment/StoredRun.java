package io.incentivelab.experiment;

import java.util.Map;

/** One run as stored: identity, state, and (when DONE) its summary metrics in engine order. */
public record StoredRun(RunRef run, RunStatus status, String error, Map<String, Double> metrics, String scenarioHash,
        String engineVersion, long millis) {
}
