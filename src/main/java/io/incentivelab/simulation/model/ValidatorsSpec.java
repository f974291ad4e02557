package io.incentivelab.simulation.model;

/**
 * A subnet's validators (model.md §6). Behaviours: HONEST measures every miner with multiplicative
 * lognormal noise exp(σZ); WEIGHT_COPIER submits the last consensus it can see (one epoch back, or
 * 1 + revealPeriodEpochs back with commit-reveal); CARTEL measures honestly, then moves a fraction
 * {@code cartelBoost} of its weight to the cartel's operators. The honest fraction is what remains.
 */
public record ValidatorsSpec(
        @Field(doc = "Number of validators (each takes one UID).", def = "64", min = 1, max = ScenarioLimits.MAX_UIDS)
        int count,
        @Field(doc = "Stake distribution.", def = "{}") StakeSpec stake,
        @Field(doc = "Fraction of validators that copy weights; the rest not CARTEL are HONEST.", def = "0",
                min = 0, max = 1) double weightCopierFraction,
        @Field(doc = "Fraction of validators in the cartel.", def = "0", min = 0, max = 1) double cartelFraction,
        @Field(doc = "Share of a cartel validator's weight moved to the cartel's operators.", def = "0.5", min = 0,
                max = 1) double cartelBoost,
        @Field(doc = "Number of miner operators that belong to the cartel.", def = "1", min = 0,
                max = ScenarioLimits.MAX_UIDS) int cartelOperators,
        @Field(doc = "σ of a validator's multiplicative lognormal measurement noise.", def = "0.1", min = 0, max = 3)
        double noiseSigma,
        @Field(doc = "Validators re-measure every this many epochs and reuse their weights in between.", def = "1",
                min = 1, max = 10_000) int remeasureEveryEpochs) {
}
