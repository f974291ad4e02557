package io.incentivelab.simulation;

/**
 * SplitMix64's constants and output function (Steele, Lea, Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014; the finaliser constants of Stafford's Mix13 variant), shared by the run seeds of an
 * experiment and the stream seeds of a run. Arithmetic wraps modulo 2^64.
 */
public final class SplitMix64 {

    /** The golden-ratio increment φ = 2^64 / golden ratio, odd. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix64() {
    }

    /** The output function: a bijection on 64-bit values with full avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
