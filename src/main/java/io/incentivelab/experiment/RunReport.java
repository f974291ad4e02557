package io.incentivelab.experiment;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one run as it leaves a worker and goes into the store, keyed by (experimentId, runIndex).
 * Serializable so a cluster executor can return it; storing the same result twice is harmless.
 *
 * @param metrics the summary metrics in engine order (empty when FAILED)
 * @param series  the compact time series, encoded ({@link CompactSeries#encode()}); empty when FAILED
 * @param error   why the run failed (exception type and message, no stack trace); null when DONE
 * @param millis  wall time of the run
 */
public record RunReport(String experimentId, RunRef run, RunStatus status, String error, LinkedHashMap<String, Double> metrics,
        byte[] series, String scenarioHash, String engineVersion, long millis) implements Serializable {

    static final int MAX_ERROR = 1000;

    static RunReport done(String experimentId, RunRef run, RunOutcome outcome, byte[] series, long millis) {
        return new RunReport(experimentId, run, RunStatus.DONE, null, new LinkedHashMap<>(outcome.metrics()), series,
                outcome.scenarioHash(), outcome.engineVersion(), millis);
    }

    static RunReport failed(String experimentId, RunRef run, Throwable error, String engineVersion, long millis) {
        String message = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (message.length() > MAX_ERROR) {
            message = message.substring(0, MAX_ERROR - 1) + "…";
        }
        return new RunReport(experimentId, run, RunStatus.FAILED, message, new LinkedHashMap<>(), new byte[0], null,
                engineVersion, millis);
    }

    public Map<String, Double> metricsView() {
        return Collections.unmodifiableMap(metrics);
    }
}
