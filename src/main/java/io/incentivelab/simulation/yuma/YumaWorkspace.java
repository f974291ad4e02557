package io.incentivelab.simulation.yuma;

import java.util.Arrays;

/**
 * Reusable scratch memory for {@link YumaConsensus#epoch}: one per thread, never shared. It grows to the
 * largest subnet seen and is then reused, so the hot path allocates only the result vectors and the stored
 * bond rows — and not even those rows when the caller hands back the rows of a result it no longer reads
 * ({@link #recycle}). Not thread-safe.
 */
public final class YumaWorkspace {

    /** Most bond rows kept for reuse. */
    static final int MAX_RECYCLED_ROWS = 4096;
    /** Most doubles kept in recycled rows (32 MiB; 256 rows of 4096 uids take 8 MiB). */
    static final long MAX_RECYCLED_DOUBLES = 4L << 20;

    static final int BLOCK = 64;

    int capacity;
    /** Whether this epoch's W is kept as double rows in {@link #w} (small W only, see YumaConsensus). */
    boolean doubleRows;
    /** Largest W, in bytes as doubles, kept as double rows; tests set it to force either path. */
    long doubleRowsMaxBytes = YumaConsensus.DOUBLE_ROWS_MAX_BYTES;
    /** Smallest W, in bytes as doubles, whose ranks are summed in the column blocks; tests set it to force either way. */
    long ranksInBlockMinBytes = YumaConsensus.RANKS_IN_BLOCK_MIN_BYTES;
    double[][] w = new double[0][];
    int[][] src = new int[0][];
    int[][] masked = new int[0][];
    double[] inv = new double[0];
    double[] rowStake = new double[0];
    double[] rowTrust = new double[0];
    int[] bucketOf = new int[0];
    double[] candVals = new double[0];
    double[] candWts = new double[0];
    double[] bondColSum = new double[0];
    double[] emaScratch = new double[0];
    double[] bondScratch = new double[0];
    double[] zeroDoubles = new double[0];
    double[] blockMin = new double[BLOCK];
    double[] blockMax = new double[BLOCK];
    /** Consensus of the current column block, and the clip pass's four partial sums of ranks and of Σ_i Wb_ij. */
    double[] blockC = new double[BLOCK];
    double[][] rankAcc = new double[4][0];
    double[][] wbAcc = new double[4][0];
    /** A copy of one column of the block, so that the trust loop indexes both arrays alike (see YumaConsensus). */
    double[] colCopy = new double[0];
    double[][] ema = new double[0][];
    boolean[] hasRow = new boolean[0];
    /** Row i's {@link #src} is the stored row, whose w_ii the double row already dropped (see YumaConsensus). */
    boolean[] selfPending = new boolean[0];
    boolean[] hasEma = new boolean[0];
    boolean[] permitOld = new boolean[0];
    boolean[] colMasked = new boolean[0];
    long[] stakeEff = new long[0];
    /** Per row, the weight-mask limit: w_ij is kept iff reg_j &lt; limit_i (§5.5 steps 3–4). */
    long[] limits = new long[0];
    long[] keys = new long[0];
    int[] voters = new int[0];
    double[] voterStake = new double[0];
    double[] colVals = new double[0];
    double[] colSumA = new double[0];
    double[] colSumB = new double[0];
    double[] colSumC = new double[0];
    double[] colScale = new double[0];
    /** max(0, max over the voters' rows of W_ij) per column, when the row pass gathers it (double rows, β = 1). */
    double[] colMax = new double[0];
    /** min over the voters' scores per column (0 when a voter has no row), gathered with {@link #colMax}. */
    double[] colMin = new double[0];
    int[] zeroRow = new int[0];
    double[] bucketW = new double[0];

    /** Bond rows handed back by {@link #recycle}, all of length {@link #recycledLength}. */
    private double[][] recycled = new double[0][];
    private int recycledCount;
    private int recycledLength = -1;

    /**
     * Hands back the bond rows of an earlier result ({@link YumaResult#bonds()}, or any rows of the same kind)
     * that the caller will never read again, e.g. the bonds an epoch has just replaced. Later epochs of a subnet
     * of the same size write their bonds into these rows instead of allocating new ones, so <b>no reference to
     * them may be kept</b>: they are overwritten. {@code null} rows are skipped; rows of another length than
     * the ones held replace those (a workspace keeps rows of one length, up to {@value #MAX_RECYCLED_ROWS} rows and
     * {@value #MAX_RECYCLED_DOUBLES} doubles; rows beyond that are left to the garbage collector).
     *
     * @param rows rows no longer in use; the array itself is not kept
     */
    public void recycle(double[][] rows) {
        for (double[] r : rows) {
            if (r == null) {
                continue;
            }
            if (r.length != recycledLength) {
                Arrays.fill(recycled, 0, recycledCount, null); // let the rows of the old length go
                recycledCount = 0;
                recycledLength = r.length;
            }
            if (recycledCount == MAX_RECYCLED_ROWS || (long) (recycledCount + 1) * recycledLength > MAX_RECYCLED_DOUBLES) {
                return;
            }
            if (recycledCount == recycled.length) {
                recycled = Arrays.copyOf(recycled, Math.min(MAX_RECYCLED_ROWS, Math.max(16, 2 * recycledCount)));
            }
            recycled[recycledCount++] = r;
        }
    }

    /** A bond row of length n: a recycled one (contents arbitrary unless {@code zeroed}) or a new one. */
    double[] bondRow(int n, boolean zeroed) {
        if (recycledCount > 0 && recycledLength == n) {
            double[] r = recycled[--recycledCount];
            recycled[recycledCount] = null;
            if (zeroed) {
                Arrays.fill(r, 0.0);
            }
            return r;
        }
        return new double[n];
    }

    /** Prepares for a subnet of n uids (allocates only when n exceeds the capacity so far). */
    void ensure(int n) {
        if (n <= capacity) {
            return;
        }
        capacity = n;
        w = new double[n][];
        src = new int[n][];
        masked = new int[n][];
        inv = new double[n];
        rowStake = new double[n];
        rowTrust = new double[n];
        bucketOf = new int[n];
        candVals = new double[n];
        candWts = new double[n];
        bondColSum = new double[n];
        emaScratch = new double[n];
        bondScratch = new double[n];
        zeroDoubles = new double[n];
        ema = new double[n][];
        hasRow = new boolean[n];
        selfPending = new boolean[n];
        hasEma = new boolean[n];
        permitOld = new boolean[n];
        colMasked = new boolean[n];
        stakeEff = new long[n];
        limits = new long[n];
        keys = new long[n];
        voters = new int[n];
        voterStake = new double[n];
        colVals = new double[BLOCK * n];
        colSumA = new double[n];
        colSumB = new double[n];
        colSumC = new double[n];
        colScale = new double[n];
        colMax = new double[n];
        colMin = new double[n];
        rankAcc = new double[4][n];
        wbAcc = new double[4][n];
        colCopy = new double[n];
        zeroRow = new int[n];
        bucketW = new double[n + 2];
    }

    double[] wRow(int i) {
        double[] r = w[i];
        if (r == null) {
            r = new double[capacity];
            w[i] = r;
        }
        return r;
    }

    int[] maskedRow(int i) {
        int[] r = masked[i];
        if (r == null) {
            r = new int[capacity];
            masked[i] = r;
        }
        return r;
    }

    double[] emaRow(int i) {
        double[] r = ema[i];
        if (r == null) {
            r = new double[capacity];
            ema[i] = r;
        }
        return r;
    }
}
