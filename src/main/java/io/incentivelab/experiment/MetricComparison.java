package io.incentivelab.experiment;

/**
 * One metric compared between two groups of runs (a − b). NaN where the data cannot say (see
 * {@link Statistics#compare}).
 */
public record MetricComparison(String metric, int nA, int nB, double meanA, double meanB, double difference,
        double welchP, double mannWhitneyP, double cohensD, double hedgesG) {
}
