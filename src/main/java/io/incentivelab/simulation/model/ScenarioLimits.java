package io.incentivelab.simulation.model;

/**
 * Limits that keep one run inside a small machine (2 cores, 1 GB heap): at most 128 subnets of 256 UIDs
 * (the chain's own limits), a horizon of at most four years of 360-block epochs, and at most
 * {@link #MAX_WORK} UID-epochs in total (the full 128 × 256 network for one year is 2.4 × 10^8).
 */
public final class ScenarioLimits {
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_SUBNETS = 128;
    public static final int MAX_UIDS = 256;
    public static final int MAX_HORIZON_EPOCHS = 29_200;
    public static final double MAX_HORIZON_DAYS = 1_460;
    public static final long MAX_WORK = 250_000_000L;
    /** Commit-reveal's held weight commits over all subnets (revealPeriodEpochs × validators × UIDs × 4 bytes). */
    public static final long MAX_COMMIT_BYTES = 256L << 20;
    /** The chain's hard cap, 21M TAO. */
    public static final double TAO_CAP = 21_000_000;

    private ScenarioLimits() {
    }
}
