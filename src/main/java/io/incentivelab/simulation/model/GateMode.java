package io.incentivelab.simulation.model;

/** How the emission gate's bar θ is set (economics.md §2e). */
public enum GateMode {
    /** θ = the N-th largest positive demand share (spec 441+, N = {@code barRank}). */
    RANK,
    /** θ = the share at which the cumulative demand, largest first, reaches {@code barQuantile} (spec 440). */
    QUANTILE,
    /** No gate (before 27 Jul 2026). */
    OFF
}
