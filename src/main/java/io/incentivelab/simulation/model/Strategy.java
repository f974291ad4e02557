package io.incentivelab.simulation.model;

/** What a miner operator does at each decision (model.md §8). */
public enum Strategy {
    /** Stays on the subnet it joined (the one that rewards its strongest resource). */
    SPECIALIST,
    /** Moves its UIDs to the subnet with the highest expected profit, with switching inertia and the burn. */
    ADAPTIVE,
    /** Splits its resources over as many UIDs as the curve makes pay (1 to maxSybilUids). */
    SYBIL,
    /** Over-claims storage and copies the best answers (part 1's cheater and copier), and stays. */
    CHEATER
}
