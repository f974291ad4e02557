package io.incentivelab.simulation.model;

/**
 * The neuron registration burn of every subnet (economics.md §4). The paid TAO is recycled: issuance goes
 * down by it. A full subnet prunes the non-immune miner UID with the lowest emission in the last epoch
 * (ties: the earlier registration, then the lower uid; yuma.md §10); if every miner UID is immune, the
 * immune one with the lowest emission. Validator UIDs are never pruned in this version.
 */
public record RegistrationSpec(
        @Field(doc = "DECAY_2026 (half-life decay, ×increaseMult per registration) or TARGET_REGISTRATIONS"
                + " (the older rule).", def = "\"DECAY_2026\"") BurnRule rule,
        @Field(doc = "DECAY_2026: half-life of the burn, blocks (chain default 360, max 36,100).", def = "360",
                min = 1, max = 36_100) int halfLifeBlocks,
        @Field(doc = "DECAY_2026: factor applied to the burn on each registration (chain 1.26).", def = "1.26",
                min = 1, max = 100) double increaseMult,
        @Field(doc = "Lower clamp of the burn, TAO (chain 0.0005).", def = "0.0005", min = 0, max = 1e6)
        double minBurnTao,
        @Field(doc = "Upper clamp of the burn, TAO (chain 100).", def = "100", min = 0, max = 1e6) double maxBurnTao,
        @Field(doc = "Burn at the start of the run, TAO.", def = "0.0005", min = 0, max = 1e6) double initialBurnTao,
        @Field(doc = "TARGET_REGISTRATIONS: registrations per adjustment interval aimed at (runtime 2).",
                def = "2", min = 1, max = 1000) int targetRegistrations,
        @Field(doc = "TARGET_REGISTRATIONS: blocks between adjustments (runtime 100, docs example 360).",
                def = "360", min = 1, max = 1_000_000) int adjustmentIntervalBlocks) {
}
