package io.incentivelab.experiment;

import java.io.Serializable;
import java.util.List;

/**
 * A unit of work for an executor: consecutive runs of one sweep point, which share a scenario. Serializable
 * and self-contained (scenario as JSON text) so a cluster member can execute it; results are keyed by
 * (experimentId, runIndex), so executing a task again (at-least-once delivery) stores nothing twice.
 *
 * @param local the point's scenario as this process already read it (null if it did not): a task executed here
 *              runs it without reading the JSON again; it is never sent to another member
 */
public record RunTask(String experimentId, String scenarioJson, List<RunRef> runs, Local local) implements Serializable {

    public RunTask {
        runs = List.copyOf(runs);
    }

    /** A task whose scenario is read from its JSON where it executes. */
    public RunTask(String experimentId, String scenarioJson, List<RunRef> runs) {
        this(experimentId, scenarioJson, runs, null);
    }

    /** The scenario as this process read it; transient, so a copy sent to another member has none. */
    public static final class Local implements Serializable {

        private static final long serialVersionUID = 1L;
        private final transient RunEngine.PreparedScenario scenario;

        public Local(RunEngine.PreparedScenario scenario) {
            this.scenario = scenario;
        }

        /** The prepared scenario; null in a copy that was serialized. */
        public RunEngine.PreparedScenario scenario() {
            return scenario;
        }
    }
}
