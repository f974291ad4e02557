package io.incentivelab.experiment;

import java.util.List;

/** An experiment's aggregates: its status, its plan (points, axes) and the statistics of every point. */
public record ExperimentResults(ExperimentProgress status, ExperimentPlan plan, List<PointSummary> points) {
}
