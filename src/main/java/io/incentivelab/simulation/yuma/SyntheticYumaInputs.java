package io.incentivelab.simulation.yuma;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded dense random epoch inputs for benchmarks and property tests: validators are uids
 * {@code 0..validators−1}, all permitted and active; each scores a noisy copy (lognormal, σ = 0.2) of one
 * miner-quality vector over the other uids, with 20% zeros, and its row is max-upscaled to u16 as
 * {@code set_weights} stores it. Bonds before are random u16 values in validator rows.
 */
public final class SyntheticYumaInputs {

    private SyntheticYumaInputs() {
    }

    /**
     * @param validators number of validator uids (rows with weights)
     * @param n          number of uids
     * @param seed       random seed
     * @return inputs for one epoch at block 10 000 with 1e9 rao to distribute
     */
    public static YumaInputs dense(int validators, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] quality = new double[n];
        for (int j = 0; j < n; j++) {
            quality[j] = rnd.nextDouble();
        }
        long[] stake = new long[n];
        int[][] weights = new int[n][];
        double[][] bonds = new double[n][];
        boolean[] permits = new boolean[n];
        long block = 10_000;
        long[] lastUpdate = new long[n];
        long[] reg = new long[n];
        Arrays.fill(lastUpdate, block - 10);
        for (int i = 0; i < validators; i++) {
            stake[i] = 1_000_000_000L + rnd.nextLong(1_000_000_000_000L);
            permits[i] = true;
            double[] score = new double[n];
            double max = 0;
            for (int j = validators; j < n; j++) {
                if (rnd.nextDouble() >= 0.2) {
                    double noise = Math.exp(0.2 * gaussian(rnd));
                    score[j] = quality[j] * noise;
                    max = Math.max(max, score[j]);
                }
            }
            int[] row = new int[n];
            Arrays.fill(row, YumaInputs.ABSENT);
            for (int j = validators; j < n; j++) {
                row[j] = max > 0 ? (int) Math.round(score[j] / max * 65535.0) : 0;
            }
            weights[i] = row;
            double[] b = new double[n];
            for (int j = validators; j < n; j++) {
                b[j] = rnd.nextInt(20_000);
            }
            bonds[i] = b;
        }
        return new YumaInputs(block, 0, 1_000_000_000L, stake, weights, lastUpdate, reg, permits, bonds);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
