package io.incentivelab.experiment;

/**
 * The state of an experiment.
 * <ul>
 * <li>QUEUED: stored, waiting for an executor thread.</li>
 * <li>RUNNING: runs are executing.</li>
 * <li>COMPLETED: every run ended and at least one succeeded; {@code failed} counts the runs that threw.</li>
 * <li>FAILED: every run failed, or the experiment itself could not go on (message says why).</li>
 * <li>CANCELLED: stopped on request; finished runs are kept, the rest never run.</li>
 * </ul>
 * QUEUED and RUNNING experiments are resumed when the app starts.
 */
public enum ExperimentStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
