package io.incentivelab.simulation.model;

/** Weights of a MIXED metric; normalised to sum 1 by the engine. */
public record MetricWeights(
        @Field(doc = "Weight of the SPEED component.", def = "0", min = 0, max = 1e6) double speed,
        @Field(doc = "Weight of the STORAGE component.", def = "0", min = 0, max = 1e6) double storage,
        @Field(doc = "Weight of the ACCURACY component.", def = "0", min = 0, max = 1e6) double accuracy) {

    /** The sum of the three weights. */
    public double total() {
        return speed + storage + accuracy;
    }
}
