package io.incentivelab.simulation.yuma;

import java.util.Arrays;

/**
 * The chain state one epoch reads (yuma.md §3), for a subnet of {@code n = stake.length} uids.
 *
 * <p><b>Weights</b> are dense rows as stored on chain (after the {@code set_weights} max-upscale):
 * {@code weights[i]} is {@code null} when uid i has no row, otherwise an {@code int[n]} whose entry j is the
 * u16 weight i gives j, or {@link #ABSENT} (−1) when i set nothing for j. An explicit 0 and an absent entry
 * differ (yuma.md §5.5, §5.10b(iii)). <b>Bonds</b> are the stored u16 rows held as doubles: {@code bondsBefore[i]} is
 * {@code null} (all zero) or a {@code double[n]} of whole numbers in [0, 65535] — the form
 * {@link YumaResult#bonds()} returns them in, so an epoch's bonds feed the next without conversion (the epoch
 * reads them as doubles; int↔double conversions do not vectorise on the JDK this runs on). Use
 * {@link #bondRows(int[][])} to build them from u16 integers. Arrays are read, never written, by the epoch.
 *
 * @param currentBlock           block number at which the epoch runs
 * @param lastMechanismStepBlock {@code LastMechansimStepBlock}; 0 means none, then {@code last_tempo = currentBlock − tempo}
 * @param raoEmission            rao to distribute in this epoch (server + validator + root pending)
 * @param stake                  combined stake per uid in rao (≥ 0)
 * @param weights                stored weight rows (see above)
 * @param lastUpdate             block of each uid's last weight setting
 * @param blockAtRegistration    block of each uid's current registration
 * @param permitsBefore          validator permits produced by the previous epoch
 * @param bondsBefore            stored bonds (u16 values as doubles) before the epoch
 * @param earliestCommitBlock    with commit-reveal on ({@link YumaParams#commitReveal()}): per uid, the block of its
 *                               earliest unexpired weight commit, or {@link #NO_COMMIT}; {@code null} means no uid
 *                               has one (yuma.md §5.5 step 4)
 * @param consensusBefore        the consensus the previous epoch stored, per uid as a fraction in [0, 1] (the chain's
 *                               u16 {@code Consensus} / 65535), read by liquid alpha in {@code Auto} mode
 *                               ({@link YumaParams#liquidAlphaAuto()}); {@code null} means none (a first epoch)
 */
public record YumaInputs(long currentBlock, long lastMechanismStepBlock, long raoEmission, long[] stake,
                         int[][] weights, long[] lastUpdate, long[] blockAtRegistration, boolean[] permitsBefore,
                         double[][] bondsBefore, long[] earliestCommitBlock, double[] consensusBefore) {

    /** Marks a weight entry that is not in the sparse row. */
    public static final int ABSENT = -1;

    /** Marks a uid without an unexpired weight commit in {@link #earliestCommitBlock()}. */
    public static final long NO_COMMIT = -1;

    /** Inputs without the previous epoch's consensus. */
    public YumaInputs(long currentBlock, long lastMechanismStepBlock, long raoEmission, long[] stake,
                      int[][] weights, long[] lastUpdate, long[] blockAtRegistration, boolean[] permitsBefore,
                      double[][] bondsBefore, long[] earliestCommitBlock) {
        this(currentBlock, lastMechanismStepBlock, raoEmission, stake, weights, lastUpdate, blockAtRegistration,
                permitsBefore, bondsBefore, earliestCommitBlock, null);
    }

    /** Inputs without commit data (no uid has an unexpired weight commit). */
    public YumaInputs(long currentBlock, long lastMechanismStepBlock, long raoEmission, long[] stake,
                      int[][] weights, long[] lastUpdate, long[] blockAtRegistration, boolean[] permitsBefore,
                      double[][] bondsBefore) {
        this(currentBlock, lastMechanismStepBlock, raoEmission, stake, weights, lastUpdate, blockAtRegistration,
                permitsBefore, bondsBefore, null, null);
    }

    /** The same inputs with the previous epoch's consensus (fractions), for liquid alpha's {@code Auto} mode. */
    public YumaInputs withConsensusBefore(double[] consensus) {
        return new YumaInputs(currentBlock, lastMechanismStepBlock, raoEmission, stake, weights, lastUpdate,
                blockAtRegistration, permitsBefore, bondsBefore, earliestCommitBlock, consensus);
    }

    public YumaInputs {
        int n = stake.length;
        check("weights", weights.length, n);
        check("lastUpdate", lastUpdate.length, n);
        check("blockAtRegistration", blockAtRegistration.length, n);
        check("permitsBefore", permitsBefore.length, n);
        check("bondsBefore", bondsBefore.length, n);
        if (earliestCommitBlock != null) {
            check("earliestCommitBlock", earliestCommitBlock.length, n);
            for (int i = 0; i < n; i++) {
                if (earliestCommitBlock[i] < NO_COMMIT) {
                    throw new IllegalArgumentException("earliestCommitBlock[" + i + "] must be >= 0 or NO_COMMIT (-1)");
                }
            }
        }
        if (consensusBefore != null) {
            check("consensusBefore", consensusBefore.length, n);
            for (int j = 0; j < n; j++) {
                if (!(consensusBefore[j] >= 0 && consensusBefore[j] <= 1)) {
                    throw new IllegalArgumentException("consensusBefore[" + j + "] must be in [0, 1]");
                }
            }
        }
        if (raoEmission < 0) {
            throw new IllegalArgumentException("raoEmission must be >= 0");
        }
        for (int i = 0; i < n; i++) {
            if (stake[i] < 0) {
                throw new IllegalArgumentException("stake[" + i + "] must be >= 0");
            }
            if (weights[i] != null) {
                checkRow("weights", i, weights[i].length, n);
            }
            if (bondsBefore[i] != null) {
                checkRow("bondsBefore", i, bondsBefore[i].length, n);
            }
        }
    }

    /**
     * The block before which uid i's weights are masked (yuma.md §5.5 steps 3–4): {@code w_ij} is kept only if
     * {@code block_at_registration_j < limit}. Outdated weights ({@code last_update_i ≤ reg_j}) give
     * {@code last_update_i}; with commit-reveal on, a commit older than j's registration ({@code commit_i < reg_j})
     * lowers it to {@code commit_i + 1}.
     */
    public long weightLimit(int i, boolean commitReveal) {
        long limit = lastUpdate[i];
        if (commitReveal && earliestCommitBlock != null && earliestCommitBlock[i] != NO_COMMIT) {
            long c = earliestCommitBlock[i];
            limit = Math.min(limit, c == Long.MAX_VALUE ? c : c + 1);
        }
        return limit;
    }

    /** Number of uids. */
    public int n() {
        return stake.length;
    }

    /**
     * Builds a dense weight row from the chain's sparse form.
     *
     * @param n       number of uids
     * @param targets target uids, each in [0, n)
     * @param values  u16 weights, same length as targets
     * @return an {@code int[n]} with {@link #ABSENT} where no entry was given
     */
    public static int[] denseRow(int n, int[] targets, int[] values) {
        int[] row = new int[n];
        Arrays.fill(row, ABSENT);
        for (int k = 0; k < targets.length; k++) {
            row[targets[k]] = values[k];
        }
        return row;
    }

    /**
     * Bond rows in the form {@link #bondsBefore()} takes them, from u16 integers.
     *
     * @param u16 per uid {@code null} (no bonds) or an {@code int[]} of u16 values
     * @return the same rows as doubles ({@code null} rows stay {@code null})
     * @throws IllegalArgumentException naming the entry when a value is outside [0, 65535]
     */
    public static double[][] bondRows(int[][] u16) {
        double[][] rows = new double[u16.length][];
        for (int i = 0; i < u16.length; i++) {
            int[] r = u16[i];
            if (r == null) {
                continue;
            }
            double[] d = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                if (r[j] < 0 || r[j] > 65535) {
                    throw new IllegalArgumentException("bondsBefore[" + i + "][" + j + "] = " + r[j]
                            + " is outside the u16 range [0, 65535]");
                }
                d[j] = r[j];
            }
            rows[i] = d;
        }
        return rows;
    }

    /** As {@link #check}, naming the row only on failure (this runs for every row of every epoch). */
    private static void checkRow(String field, int row, int length, int n) {
        if (length != n) {
            check(field + "[" + row + "]", length, n);
        }
    }

    private static void check(String field, int length, int n) {
        if (length != n) {
            throw new IllegalArgumentException(field + " has length " + length + ", expected n = " + n);
        }
    }
}
