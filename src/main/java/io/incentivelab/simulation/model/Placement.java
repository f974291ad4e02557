package io.incentivelab.simulation.model;

/** Which operators a subnet's miner population is drawn from. */
public enum Placement {
    /**
     * Specialists: only operators whose strongest resource (highest percentile among compute, storage
     * and quality) is the one the subnet's metric weights most; the fixed-population stand-in for the
     * SPECIALIST strategy.
     */
    STRONGEST_RESOURCE,
    /** Any operator, resources drawn independently. */
    RANDOM
}
