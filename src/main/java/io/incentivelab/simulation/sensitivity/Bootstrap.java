package io.incentivelab.simulation.sensitivity;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Percentile bootstrap over the rows (base samples or trajectories) of a design. */
final class Bootstrap {

    /** Largest number of bootstrap resamples accepted. */
    static final int MAX_RESAMPLES = 100_000;

    private Bootstrap() {
    }

    static void check(int resamples, double level) {
        if (resamples < 0 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("bootstrap: must be between 0 and " + MAX_RESAMPLES
                    + ", got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidenceLevel: must be strictly between 0 and 1, got " + level);
        }
    }

    /** A resample of {@code rows} row indices drawn with replacement. */
    static int[] resample(SplittableRandom rng, int rows) {
        int[] idx = new int[rows];
        for (int j = 0; j < rows; j++) {
            idx[j] = rng.nextInt(rows);
        }
        return idx;
    }

    /** The identity resample: every row once, in order. */
    static int[] all(int rows) {
        int[] idx = new int[rows];
        for (int j = 0; j < rows; j++) {
            idx[j] = j;
        }
        return idx;
    }

    /**
     * The index from the estimate and its bootstrap replicates; the interval is the (α/2, 1−α/2) empirical
     * quantiles (linear interpolation between order statistics). Without replicates the interval is the point.
     * Replicates that are NaN (a resample whose output did not vary) are left out.
     */
    static Index index(double estimate, double[] replicates, double level) {
        double[] r = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (r.length == 0) {
            return new Index(estimate, estimate, estimate);
        }
        double alpha = 1 - level;
        return new Index(estimate, quantile(r, alpha / 2), quantile(r, 1 - alpha / 2));
    }

    static double quantile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
