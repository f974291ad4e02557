package io.incentivelab.simulation.model;

/** Where validator stakes come from. */
public enum StakeDistribution {
    /** Independent Pareto draws with the given shape, scaled to the total stake. */
    PARETO,
    /** The list {@code explicitTao}, one entry per validator. */
    EXPLICIT
}
