package io.incentivelab.simulation.model;

/** Shares of the strategies among operators (initial ones and arrivals); normalised by their sum. */
public record StrategyMix(
        @Field(doc = "Relative share of SPECIALIST operators.", def = "1", min = 0, max = 1e6) double specialist,
        @Field(doc = "Relative share of ADAPTIVE operators.", def = "0", min = 0, max = 1e6) double adaptive,
        @Field(doc = "Relative share of SYBIL operators.", def = "0", min = 0, max = 1e6) double sybil,
        @Field(doc = "Relative share of CHEATER operators.", def = "0", min = 0, max = 1e6) double cheater) {

    public double total() {
        return specialist + adaptive + sybil + cheater;
    }
}
