package io.incentivelab.experiment;

/**
 * Size limits of one experiment; a file over them is rejected with the limit in the message.
 *
 * @param maxRuns       points × replicates
 * @param maxPoints     scenarios × sweep combinations
 * @param maxReplicates replicates per point
 */
public record ExperimentLimits(int maxRuns, int maxPoints, int maxReplicates) {

    /** The defaults of the server and the CLI. */
    public static final ExperimentLimits DEFAULT = new ExperimentLimits(100_000, 10_000, 10_000);
}
