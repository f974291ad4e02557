package io.incentivelab.experiment;

/**
 * Derives the seed of every run from the experiment's base seed, so a run is reproducible on its own.
 *
 * <p>{@code seed(base, point, replicate) = mix(mix(base + φ·(point + 1)) + φ·(replicate + 1))}, where
 * φ = 0x9E3779B97F4A7C15 (the golden-ratio increment of SplitMix64) and {@code mix} is SplitMix64's finaliser
 * (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; constants of
 * Stafford's Mix13 variant). Arithmetic wraps modulo 2^64. Each step is a bijection, so distinct
 * (point, replicate) pairs under one base seed give well-mixed, practically independent seeds.
 */
public final class Seeds {

    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of run (point, replicate) of an experiment with the given base seed. */
    public static long forRun(long baseSeed, int pointIndex, int replicate) {
        long z = mix64(baseSeed + GOLDEN * (pointIndex + 1L));
        return mix64(z + GOLDEN * (replicate + 1L));
    }

    /** A seed for a sampling stream of the experiment (e.g. a random sweep axis), distinct from run seeds. */
    static long forStream(long baseSeed, String stream, int index) {
        return mix64(mix64(baseSeed ^ mix64(stream.hashCode())) + GOLDEN * (index + 1L));
    }

    /** SplitMix64's output function: a bijection on 64-bit values with full avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
