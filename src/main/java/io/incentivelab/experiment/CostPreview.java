package io.incentivelab.experiment;

/**
 * What an experiment will cost before it starts.
 *
 * @param secondsPerRun    estimated wall time of one run on one thread, from the calibrated throughput and the
 *                         correction learnt from recent experiments
 * @param estimatedSeconds ⌈runs / threads⌉ × secondsPerRun (runs in waves of {@code threads})
 * @param bytesPerRun      estimated storage of one run (metrics text + compressed series + fixed columns)
 * @param calibrated       false if the engine could not be timed (then the time is unknown: NaN)
 * @param recentExperiments how many recent experiments' measured times corrected the estimate (0 = timing only)
 */
public record CostPreview(int points, int replicates, int runs, int threads, double secondsPerRun, double estimatedSeconds,
        long bytesPerRun, long estimatedBytes, boolean calibrated, int recentExperiments) {
}
