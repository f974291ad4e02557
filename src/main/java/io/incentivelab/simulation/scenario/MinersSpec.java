package io.incentivelab.simulation.scenario;

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
                max = 1) double copierFraction) {

    /** UIDs taken by the miners. */
    public int uids() {
        return operators * uidsPerOperator;
    }
}
