package io.incentivelab.simulation.model;

/** A lognormal distribution given by its median and the σ of its logarithm: X = median · exp(σ Z). */
public record LogNormalSpec(
        @Field(doc = "Median.", def = "1", min = 0, minExclusive = true, max = 1e12) double median,
        @Field(doc = "Standard deviation of ln X.", def = "1", min = 0, max = 10) double sigma) {
}
