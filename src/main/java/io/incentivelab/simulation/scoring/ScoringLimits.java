package io.incentivelab.simulation.scoring;

/** Limits on a scoring expression; longer, deeper or bigger expressions are refused with a message. */
public final class ScoringLimits {
    /** Characters in the expression text. */
    public static final int MAX_LENGTH = 1000;
    /** Nesting depth of the tree (parentheses, calls, operators). */
    public static final int MAX_DEPTH = 64;
    /** Nodes of the tree (components, constants, operators, calls). */
    public static final int MAX_NODES = 200;
    /** Arguments of one call. */
    public static final int MAX_ARGS = 16;
    /** Largest half-life of ema(), in epochs. */
    public static final double MAX_HALF_LIFE = 100_000;
    /** Largest absolute value of a constant. */
    public static final double MAX_CONSTANT = 1e12;

    private ScoringLimits() {
    }
}
