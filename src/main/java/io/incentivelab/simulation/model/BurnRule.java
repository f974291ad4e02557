package io.incentivelab.simulation.model;

/** How the neuron registration burn moves (economics.md §4). */
public enum BurnRule {
    /**
     * The 2026 rule: the burn decays continuously with a half-life of {@code halfLifeBlocks} and is multiplied
     * by {@code increaseMult} on each registration, clamped to [minBurnTao, maxBurnTao].
     */
    DECAY_2026,
    /**
     * The 2024 – early 2026 rule: every {@code adjustmentIntervalBlocks} the burn is multiplied by
     * (regs + target) / (2 · target), clamped to [minBurnTao, maxBurnTao].
     */
    TARGET_REGISTRATIONS
}
