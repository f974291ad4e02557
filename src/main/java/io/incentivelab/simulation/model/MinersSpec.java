package io.incentivelab.simulation.model;

import java.util.List;

/**
 * A subnet's miner population (model.md §4, §8). Each operator holds compute (GPU-equivalents), storage
 * (TB) and model quality in (0, 1), drawn from percentiles: resource = inverse CDF(u) with u uniform; it
 * runs {@code uidsPerOperator} UIDs, splitting compute and storage equally among them (quality is shared).
 * Operators keep their resources for the whole run in this version (a fixed population).
 */
public record MinersSpec(
        @Field(doc = "Number of miner operators. operators × uidsPerOperator + validators ≤ maxUids.", def = "192",
                min = 1, max = ScenarioLimits.MAX_UIDS) int operators,
        @Field(doc = "UIDs each operator runs.", def = "1", min = 1, max = ScenarioLimits.MAX_UIDS) int uidsPerOperator,
        @Field(doc = "STRONGEST_RESOURCE (specialists: operators whose strongest resource is the one this"
                + " subnet's metric weights most) or RANDOM.", def = "\"STRONGEST_RESOURCE\"") Placement placement,
        @Field(doc = "Compute per operator, GPU-equivalents (lognormal).", def = "{\"median\":8,\"sigma\":1}")
        LogNormalSpec compute,
        @Field(doc = "Storage per operator, TB (lognormal).", def = "{\"median\":50,\"sigma\":1}")
        LogNormalSpec storage,
        @Field(doc = "Model quality per operator, a skill in (0, 1) (beta).", def = "{\"alpha\":4,\"beta\":2}")
        BetaSpec quality,
        @Field(doc = "Fraction of operators that over-claim storage (cheaters).", def = "0", min = 0, max = 1)
        double cheaterFraction,
        @Field(doc = "Factor by which a cheater's storage claim exceeds what it holds.", def = "4", min = 1, max = 1000)
        double cheaterOverclaim,
        @Field(doc = "Fraction of operators that copy the best operator's answers (copiers).", def = "0", min = 0,
                max = 1) double copierFraction,
        @Field(doc = "Shares of operators in GPU class 0, 1, 2, … (normalised; the scoring expression reads the"
                + " class as gpuClass); empty = every operator is class 0.", def = "[]", min = 0, max = 1e6,
                maxItems = 16, omitDefault = true) List<Double> gpuClassShares,
        @Field(doc = "Response latency per operator, seconds (lognormal); the scoring expression reads it as"
                + " latency (× the validator's noise).", def = "{\"median\":0.5,\"sigma\":0.5}", omitDefault = true)
        LogNormalSpec latency) {

    /** UIDs taken by the miners. */
    public int uids() {
        return operators * uidsPerOperator;
    }

    /** Miners all of GPU class 0 with the default latency (median 0.5 s, σ 0.5). */
    public MinersSpec(int operators, int uidsPerOperator, Placement placement, LogNormalSpec compute,
                      LogNormalSpec storage, BetaSpec quality, double cheaterFraction, double cheaterOverclaim,
                      double copierFraction) {
        this(operators, uidsPerOperator, placement, compute, storage, quality, cheaterFraction, cheaterOverclaim,
                copierFraction, List.of(), new LogNormalSpec(0.5, 0.5));
    }

    public MinersSpec {
        gpuClassShares = List.copyOf(gpuClassShares);
    }
}
