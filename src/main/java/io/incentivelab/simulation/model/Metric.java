package io.incentivelab.simulation.model;

/** What a subnet's validators measure (model.md §4). */
public enum Metric {
    /** Throughput delivered by a UID's compute. */
    SPEED,
    /** Storage capacity a UID proves (cheaters over-claim; audits catch them). */
    STORAGE,
    /** Fraction of evaluation tasks solved, Binomial(evalSamples, quality) (copiers copy a leader). */
    ACCURACY,
    /** Weighted sum of the max-normalised component scores given in {@code metricWeights}. */
    MIXED
}
