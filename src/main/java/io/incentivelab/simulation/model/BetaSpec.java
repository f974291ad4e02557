package io.incentivelab.simulation.model;

/** A Beta(alpha, beta) distribution on (0, 1); mean alpha / (alpha + beta). */
public record BetaSpec(
        @Field(doc = "First shape parameter.", def = "4", min = 0.01, max = 1e4) double alpha,
        @Field(doc = "Second shape parameter.", def = "2", min = 0.01, max = 1e4) double beta) {
}
