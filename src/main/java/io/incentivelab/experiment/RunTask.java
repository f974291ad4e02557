package io.incentivelab.experiment;

import java.io.Serializable;
import java.util.List;

/**
 * A unit of work for an executor: consecutive runs of one sweep point, which share a scenario. Serializable
 * and self-contained (scenario as JSON text) so a cluster member can execute it; results are keyed by
 * (experimentId, runIndex), so executing a task again (at-least-once delivery) stores nothing twice.
 */
public record RunTask(String experimentId, String scenarioJson, List<RunRef> runs) implements Serializable {

    public RunTask {
        runs = List.copyOf(runs);
    }
}
