package io.incentivelab.simulation.yuma;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded random, messy epoch inputs for property tests: sparse rows, explicit zeros, inactive, outdated, new uids,
 * commits older than a target's registration. */
final class RandomYumaInputs {

    private RandomYumaInputs() {
    }

    static YumaInputs generate(SplittableRandom rnd, int n, boolean distinctStakes) {
        long block = 1_000;
        long[] stake = new long[n];
        int[][] weights = new int[n][];
        int[][] bonds = new int[n][];
        long[] lastUpdate = new long[n];
        long[] reg = new long[n];
        boolean[] permits = new boolean[n];
        for (int i = 0; i < n; i++) {
            stake[i] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextLong(1_000_000_000_000L);
            if (distinctStakes) {
                stake[i] = stake[i] * 1000 + i + 1;
            }
            permits[i] = rnd.nextInt(3) != 0;
            lastUpdate[i] = block - rnd.nextInt(rnd.nextInt(5) == 0 ? 6000 : 100);
            reg[i] = rnd.nextInt(8) == 0 ? block - 5 : rnd.nextInt(500);
            if (rnd.nextInt(4) != 0) {
                int[] row = new int[n];
                Arrays.fill(row, YumaInputs.ABSENT);
                int max = 0;
                for (int j = 0; j < n; j++) {
                    int r = rnd.nextInt(10);
                    if (r < 6) {
                        row[j] = r == 0 ? 0 : rnd.nextInt(65536);
                        max = Math.max(max, row[j]);
                    }
                }
                if (max > 0) { // stored max-upscaled
                    for (int j = 0; j < n; j++) {
                        if (row[j] > 0) {
                            row[j] = (int) Math.round(row[j] * 65535.0 / max);
                        }
                    }
                }
                weights[i] = row;
            }
            if (rnd.nextInt(3) != 0) {
                int[] b = new int[n];
                for (int j = 0; j < n; j++) {
                    b[j] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(65536);
                }
                bonds[i] = b;
            }
        }
        long[] commits = null; // earliest unexpired weight commit, used when the params turn commit-reveal on
        if (rnd.nextBoolean()) {
            commits = new long[n];
            for (int i = 0; i < n; i++) {
                commits[i] = rnd.nextInt(3) == 0 ? YumaInputs.NO_COMMIT : rnd.nextInt(1_000);
            }
        }
        return new YumaInputs(block, 0, 1_000_000_000L, stake, weights, lastUpdate, reg, permits, YumaInputs.bondRows(bonds), commits);
    }

    static YumaParams params(SplittableRandom rnd, int n) {
        int[] betas = {0, 32767, 65535, rnd.nextInt(65536)};
        boolean yuma3 = rnd.nextBoolean();
        return new YumaParams(rnd.nextInt(3) == 0 ? rnd.nextInt(65536) : 32767,
                rnd.nextBoolean() ? 900_000 : rnd.nextInt(1_000_001), betas[rnd.nextInt(4)], yuma3,
                yuma3 && rnd.nextBoolean(), 6553 + rnd.nextInt(20000), 30000 + rnd.nextInt(30000),
                rnd.nextInt(2000), 1 + rnd.nextInt(n + 2), 5000, rnd.nextInt(5) == 0 ? 1_000_000_000L : 0,
                rnd.nextInt(4) == 0 ? rnd.nextInt(n) : -1, 360, rnd.nextInt(3) == 0);
    }
}
