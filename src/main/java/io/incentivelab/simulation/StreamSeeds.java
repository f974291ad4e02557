package io.incentivelab.simulation;

/**
 * Derives independent stream seeds from (run seed, subnet index, stream) with {@link SplitMix64}'s finaliser,
 * so a subnet's random numbers depend only on the run seed and its position, never on thread count or on other subnets.
 */
final class StreamSeeds {

    /** Stream: operators, validators and their stakes. */
    static final int SETUP = 1;
    /** Stream: measurements during the epochs. */
    static final int EPOCHS = 2;
    /** Stream: the initial operators' strategies. */
    static final int STRATEGY = 3;
    /** Stream (subnet index −1): the economy's decisions, arrivals and the TAO price. */
    static final int ECONOMY = 4;
    /** Stream (per operator id, not per subnet): the operator's GPU class and latency. */
    static final int HARDWARE = 5;

    private StreamSeeds() {
    }

    static long derive(long seed, long subnet, long stream) {
        long z = seed ^ (subnet + 1) * SplitMix64.GOLDEN_GAMMA ^ (stream + 1) * 0xC2B2AE3D27D4EB4FL;
        z = SplitMix64.mix(z);
        return SplitMix64.mix(z + SplitMix64.GOLDEN_GAMMA);
    }
}
