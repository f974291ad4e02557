package io.incentivelab.simulation.model;

/** Per-subnet limits (economics.md §4). */
public record LimitsSpec(
        @Field(doc = "Most UIDs (validators + miners) the subnet holds (chain: 256).", def = "256", min = 2,
                max = ScenarioLimits.MAX_UIDS) int maxUids,
        @Field(doc = "Validator permits: the top stakes that may set weights (chain: 64).", def = "64", min = 1,
                max = ScenarioLimits.MAX_UIDS) int validatorPermits,
        @Field(doc = "Immunity period of a new UID, in blocks (chain docs: 5000); used by pruning.", def = "5000",
                min = 0, max = 10_000_000) int immunityPeriodBlocks) {
}
