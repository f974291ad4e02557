package io.incentivelab.simulation.scenario;

/** How block emission is divided across subnets (model.md §2). The market rules come later. */
public enum EmissionSplit {
    /** Shares proportional to each subnet's {@code emissionShare}. */
    FIXED,
    /** Every subnet gets the same share. */
    EQUAL
}
