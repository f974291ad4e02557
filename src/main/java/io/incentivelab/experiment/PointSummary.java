package io.incentivelab.experiment;

import java.util.Map;

/**
 * The aggregates of one sweep point.
 *
 * @param runs      runs planned for the point (the replicates)
 * @param succeeded runs DONE
 * @param failed    runs FAILED
 * @param metrics   every summary metric in the order the engine reports them, over the DONE runs
 */
public record PointSummary(ExperimentPoint point, int runs, int succeeded, int failed, Map<String, MetricStats> metrics) {
}
