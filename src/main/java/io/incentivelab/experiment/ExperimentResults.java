package io.incentivelab.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment's aggregates: its status, its plan (points, axes), the statistics of every point, and when it
 * ended (null while it runs). Read twice, an ended experiment gives equal results.
 */
public record ExperimentResults(ExperimentProgress status, ExperimentPlan plan, List<PointSummary> points, Instant finishedAt) {

    /** The results of a run that has just ended here (in this process, not read from the store). */
    public ExperimentResults(ExperimentProgress status, ExperimentPlan plan, List<PointSummary> points) {
        this(status, plan, points, Instant.now());
    }
}
