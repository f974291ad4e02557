package io.incentivelab.experiment;

/**
 * What an experiment will cost before it starts.
 *
 * @param secondsPerRun    estimated wall time of one run on one thread, from the calibrated throughput
 * @param estimatedSeconds runs × secondsPerRun / threads (ideal scaling)
 * @param bytesPerRun      estimated storage of one run (metrics text + compressed series + fixed columns)
 * @param calibrated       false if the engine could not be timed (then the time is unknown: NaN)
 */
public record CostPreview(int points, int replicates, int runs, int threads, double secondsPerRun, double estimatedSeconds,
        long bytesPerRun, long estimatedBytes, boolean calibrated) {
}
