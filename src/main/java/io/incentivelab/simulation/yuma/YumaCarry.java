package io.incentivelab.simulation.yuma;

import java.util.Arrays;

/**
 * What one subnet's epoch keeps for its next epoch, so that an epoch whose weights have not changed skips the
 * work that depends only on them ({@link YumaConsensus#epoch(YumaInputs, YumaWorkspace, YumaCarry, boolean)}).
 * One per subnet (not per thread, unlike {@link YumaWorkspace}); not thread-safe.
 *
 * <p>It always keeps the last consensus. For Yuma 3 with the fixed α and β = 1 (the new-subnet defaults) and a
 * small W it also keeps W as double rows, validator trust, ranks, incentive and the column sums of the clipped
 * weights, and the inputs they were computed from that the caller's promise does not cover (active stake, the
 * previous permits, registrations, the weight-mask limits); an epoch told that the weights are unchanged then
 * runs only the bonds and the emission, when those inputs are equal — otherwise it recomputes everything
 * (reusing only the consensus, which the promise does cover).
 */
public final class YumaCarry {

    /**
     * Largest W (rows with weights × n × 8 bytes) kept for reuse: 1 MiB (256 rows of 512 uids, 64 of 2048); a
     * larger W is recomputed every epoch, so 128 subnets hold at most 128 MiB here.
     */
    public static final long MAX_W_BYTES = 1L << 20;

    int n = -1;
    /** The consensus of the last epoch run with this carry, or null. */
    double[] consensus;

    /** The inputs besides the weights that the last epoch read: its consensus holds again while they are equal. */
    double[] activeStake;
    boolean[] permitOld;
    long[] registration;
    long[] limits;
    boolean[] hasRow;
    /** Whether the fields below hold what the last epoch computed from W, so that they can be reused. */
    boolean ready;
    double[][] w;
    double[] validatorTrust;
    double[] ranks;
    double[] incentive;
    double[] wbSum;

    /** The last epoch's consensus (a copy), or null before the first epoch. */
    public double[] consensus() {
        return consensus == null ? null : consensus.clone();
    }

    /** Whether the next epoch told that the weights are unchanged can skip §5.5–5.9 (for tests and benches). */
    public boolean reusable() {
        return ready;
    }

    /** Forgets everything (e.g. when the subnet's size changes). */
    public void clear() {
        n = -1;
        consensus = null;
        ready = false;
    }

    /** Whether the inputs besides the weights are those of the last epoch (so that its consensus holds again). */
    boolean sameInputs(int size, double[] stake, boolean[] permits, long[] reg, boolean[] rows, long[] limitOf,
                       long maxReg) {
        if (consensus == null || n != size || !Arrays.equals(activeStake, stake) || !Arrays.equals(permitOld, permits)
                || !Arrays.equals(registration, reg) || !Arrays.equals(hasRow, rows)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            // the mask keeps w_ij iff reg_j < limit_i: unchanged when the limit is, or when both are above every reg_j
            if (rows[i] && limitOf[i] != limits[i] && !(limitOf[i] > maxReg && limits[i] > maxReg)) {
                return false;
            }
        }
        return true;
    }

    /** Keeps an epoch's consensus and the inputs besides the weights it was computed from; forgets W. */
    void keepConsensus(int size, double[] c, double[] stake, boolean[] permits, long[] reg, boolean[] rows,
                       long[] limitOf) {
        if (n != size) {
            w = null;
        }
        n = size;
        ready = false;
        consensus = copy(consensus, c, size);
        activeStake = copy(activeStake, stake, size);
        permitOld = permitOld != null && permitOld.length == size ? permitOld : new boolean[size];
        System.arraycopy(permits, 0, permitOld, 0, size);
        registration = registration != null && registration.length == size ? registration : new long[size];
        System.arraycopy(reg, 0, registration, 0, size);
        hasRow = hasRow != null && hasRow.length == size ? hasRow : new boolean[size];
        System.arraycopy(rows, 0, hasRow, 0, size);
        limits = limits != null && limits.length == size ? limits : new long[size];
        System.arraycopy(limitOf, 0, limits, 0, size);
    }

    /** Also keeps what the epoch computed from W (its double rows), for the next epoch with the same weights. */
    void keepW(double[][] wRows, double[] trust, double[] rk, double[] inc, double[] wb) {
        int size = n;
        if (w == null) {
            w = new double[size][];
        }
        for (int i = 0; i < size; i++) {
            if (hasRow[i]) {
                if (w[i] == null) {
                    w[i] = new double[size];
                }
                System.arraycopy(wRows[i], 0, w[i], 0, size);
            } else {
                w[i] = null;
            }
        }
        validatorTrust = copy(validatorTrust, trust, size);
        ranks = copy(ranks, rk, size);
        incentive = copy(incentive, inc, size);
        wbSum = copy(wbSum, wb, size);
        ready = true;
    }

    private static double[] copy(double[] into, double[] from, int size) {
        double[] r = into != null && into.length == size ? into : new double[size];
        System.arraycopy(from, 0, r, 0, size);
        return r;
    }
}
