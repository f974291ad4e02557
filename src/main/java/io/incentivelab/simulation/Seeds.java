package io.incentivelab.simulation;

/**
 * Derives independent stream seeds from (run seed, subnet index, stream) with the SplitMix64 finaliser
 * (Steele, Lea, Flood 2014), so a subnet's random numbers depend only on the run seed and its position,
 * never on thread count or on other subnets.
 */
final class Seeds {

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

    private Seeds() {
    }

    static long derive(long seed, long subnet, long stream) {
        long z = seed ^ (subnet + 1) * 0x9E3779B97F4A7C15L ^ (stream + 1) * 0xC2B2AE3D27D4EB4FL;
        z = mix(z);
        return mix(z + 0x9E3779B97F4A7C15L);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
