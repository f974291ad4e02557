package io.incentivelab.experiment;

import io.incentivelab.simulation.SplitMix64;

/**
 * Derives the seed of every run from the experiment's base seed, so a run is reproducible on its own.
 *
 * <p>{@code seed(base, point, replicate) = mix(mix(base + φ·(point + 1)) + φ·(replicate + 1))}, where
 * φ = 0x9E3779B97F4A7C15 (the golden-ratio increment of SplitMix64) and {@code mix} is SplitMix64's finaliser
 * (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; constants of
 * Stafford's Mix13 variant). Arithmetic wraps modulo 2^64. Each step is a bijection, so distinct
 * (point, replicate) pairs under one base seed give well-mixed, practically independent seeds.
 */
public final class RunSeeds {

    static final long GOLDEN = SplitMix64.GOLDEN_GAMMA;

    private RunSeeds() {
    }

    /** The seed of run (point, replicate) of an experiment with the given base seed. */
    public static long forRun(long baseSeed, int pointIndex, int replicate) {
        long z = SplitMix64.mix(baseSeed + GOLDEN * (pointIndex + 1L));
        return SplitMix64.mix(z + GOLDEN * (replicate + 1L));
    }

    /** A seed for a sampling stream of the experiment (e.g. a random sweep axis), distinct from run seeds. */
    static long forStream(long baseSeed, String stream, int index) {
        return SplitMix64.mix(SplitMix64.mix(baseSeed ^ SplitMix64.mix(stream.hashCode())) + GOLDEN * (index + 1L));
    }
}
