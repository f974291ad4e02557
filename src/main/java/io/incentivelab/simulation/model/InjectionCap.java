package io.incentivelab.simulation.model;

/** The cap on a block's alpha injection into a pool (economics.md §3a). */
public enum InjectionCap {
    /** root_prop × alpha emission (2026). */
    ROOT_PROPORTION,
    /** The alpha emission itself, 1 α a block before the alpha halving (before June 2026). */
    ALPHA_EMISSION
}
