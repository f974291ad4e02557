package io.incentivelab.simulation;

import io.incentivelab.simulation.model.InitialWeightsSpec;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaInputs;
import java.util.Arrays;

/**
 * The weights a subnet's validators set and what Yuma sees of them (model.md §5, §6; yuma.md §2).
 *
 * <p><b>Setting</b>: every {@code remeasureEveryEpochs} epochs each measuring validator's scores
 * ({@link SubnetMeasurement}) go through the {@link RewardCurves} to u16; a CARTEL validator then moves a share b
 * of its (normalised) weight equally onto the cartel's UIDs; a WEIGHT_COPIER submits, every epoch, the Yuma
 * consensus it can see, lag = 1 epoch, or 1 + revealPeriod with commit-reveal. A PROPORTIONAL curve quantises
 * the scores directly (its weights are s / max s), WINNER_TAKE_ALL puts 65535 on the first largest positive
 * score.
 *
 * <p><b>Seeing</b>: without commit-reveal Yuma reads the rows as set (the initial weights, when given, stand for
 * epoch 0). With commit-reveal each epoch's rows are committed one block before the epoch's last, and epoch e
 * reads the commit of epoch e − revealPeriod (before the run's first reveal, the commit of epoch 0, or the
 * initial weights, as if the subnet had run before); a weight copier's own row is read as set, since it already
 * lags. The block of each commit goes to Yuma, so the chain's mask drops weight on UIDs registered after it.
 */
final class SubnetWeights {

    private final int nVal;
    private final int nMiners;
    private final int n;
    private final SubnetPopulation population;
    private final SubnetMeasurement measurement;
    private final RewardCurves curves;
    private final double cartelBoost;
    private final int remeasure;
    private final int copyLag;

    /** The validators' u16 rows as set (miners' rows null). */
    private final int[][] weights;
    private final double[] w;
    private final double[][] consensusHistory;
    /** The validators' weights at the start (InitialWeightsSpec), read by epoch 0 or until the first reveal; or null. */
    private final int[][] initialRows;
    /** Commit-reveal: the reveal period in epochs (0 = off), the last revealPeriod commits and their blocks. */
    private final int revealPeriod;
    private final int[][][] committed;
    private final long[] commitBlocks;
    private final boolean[] commitChanged;
    private final int[][] visible;
    private final long[] earliestCommit;
    /** A weight or a registration changed since the last epoch. */
    private boolean weightsMoved = true;

    SubnetWeights(SubnetSpec spec, SubnetPopulation population, SubnetMeasurement measurement) {
        this.population = population;
        this.measurement = measurement;
        nVal = population.validators();
        nMiners = population.minerSlots();
        n = nVal + nMiners;
        curves = new RewardCurves(spec.rewardCurve(), nMiners);
        cartelBoost = spec.validators().cartelBoost();
        remeasure = spec.validators().remeasureEveryEpochs();
        copyLag = spec.commitReveal() ? 1 + spec.revealPeriodEpochs() : 1;
        w = new double[nMiners];
        weights = new int[n][];
        for (int v = 0; v < nVal; v++) {
            weights[v] = new int[n];
            Arrays.fill(weights[v], 0, nVal, YumaInputs.ABSENT);
        }
        consensusHistory = new double[copyLag + 1][];
        revealPeriod = spec.commitReveal() ? spec.revealPeriodEpochs() : 0;
        committed = new int[revealPeriod][][];
        commitBlocks = new long[revealPeriod];
        commitChanged = new boolean[revealPeriod];
        visible = revealPeriod > 0 ? new int[n][] : null;
        earliestCommit = revealPeriod > 0 ? new long[n] : null;
        if (earliestCommit != null) {
            Arrays.fill(earliestCommit, YumaInputs.NO_COMMIT);
        }
        for (int k = 0; k < revealPeriod; k++) {
            committed[k] = new int[nVal][n];
        }
        InitialWeightsSpec iw = spec.initialWeights();
        if (iw.isEmpty()) {
            initialRows = null;
        } else {
            initialRows = new int[n][];
            for (int v = 0; v < nVal; v++) {
                initialRows[v] = new int[n];
                Arrays.fill(initialRows[v], 0, nVal, YumaInputs.ABSENT);
            }
            for (int k = 0; k < iw.size(); k++) {
                initialRows[iw.validator().get(k)][iw.uid().get(k)] = iw.weight().get(k);
            }
        }
    }

    /** Sets epoch e's weights: the measuring validators' when e is a re-measurement, every copier's. */
    void set(int e) {
        if (e % remeasure == 0) {
            measureAll(e);
        }
        double[] seen = e >= copyLag ? consensusHistory[(e - copyLag) % consensusHistory.length] : null;
        for (int v = 0; v < nVal; v++) {
            if (population.behaviour(v) == SubnetPopulation.COPIER) {
                if (seen == null) {
                    Arrays.fill(weights[v], nVal, n, 0);
                } else {
                    System.arraycopy(seen, nVal, w, 0, nMiners);
                    RewardCurves.quantise(w, nMiners, weights[v], nVal);
                }
            }
        }
    }

    private void measureAll(int e) {
        int[] cartelUids = population.cartelUids();
        double[] score = measurement.scores();
        for (int v = 0; v < nVal; v++) {
            int behaviour = population.behaviour(v);
            if (behaviour == SubnetPopulation.COPIER) {
                continue;
            }
            double max = measurement.measure(v, e);
            boolean cartel = behaviour == SubnetPopulation.CARTEL && cartelBoost > 0 && cartelUids.length > 0;
            if (!cartel && curves.proportional()) {
                // PROPORTIONAL's u16 weights are the quantised scores themselves
                RewardCurves.quantise(score, nMiners, max, weights[v], nVal);
                continue;
            }
            if (!cartel && curves.winnerTakeAll()) {
                // quantised, WINNER_TAKE_ALL's weights (1 at the first largest positive score) are 65535 there
                int[] row = weights[v];
                Arrays.fill(row, nVal, n, 0);
                double best = 0;
                int at = -1;
                for (int j = 0; j < nMiners; j++) {
                    if (score[j] > best) {
                        best = score[j];
                        at = j;
                    }
                }
                if (at >= 0) {
                    row[nVal + at] = 65535;
                }
                continue;
            }
            if (!cartel && curves.strictPerScore()) {
                // the weights feed only their u16 rounding here: settled without StrictMath for most scores
                curves.quantiseWeights(score, nMiners, w, weights[v], nVal);
                continue;
            }
            curves.weights(score, nMiners, w);
            if (cartel) {
                double sum = 0;
                for (int j = 0; j < nMiners; j++) {
                    sum += w[j];
                }
                double keep = sum > 0 ? (1 - cartelBoost) / sum : 0;
                for (int j = 0; j < nMiners; j++) {
                    w[j] *= keep;
                }
                double add = (sum > 0 ? cartelBoost : 1) / cartelUids.length;
                for (int c : cartelUids) {
                    w[c] += add;
                }
            }
            RewardCurves.quantise(w, nMiners, weights[v], nVal);
        }
    }

    /**
     * True when epoch e's weights may differ from the last epoch's: a re-measurement, a registration or a
     * slot given up since, or the first epoch after the initial weights.
     */
    boolean changed(int e) {
        return e % remeasure == 0 || weightsMoved || (initialRows != null && e == 1);
    }

    /** The rows Yuma reads at epoch e (see the class comment); with commit-reveal also sets {@link #earliestCommit}. */
    int[][] shown(int e, long block) {
        return revealPeriod > 0 ? reveal(e, block) : initialRows != null && e == 0 ? initialRows : weights;
    }

    /**
     * True when the rows Yuma reads at epoch e may differ from the last epoch's; call after {@link #shown}.
     *
     * @param changed {@link #changed}(e)
     */
    boolean visibleChanged(int e, boolean changed) {
        return revealPeriod > 0 ? commitChanged[e % revealPeriod] || weightsMoved : changed;
    }

    /** With commit-reveal, the block of the commit each validator's shown row comes from; else null. */
    long[] earliestCommit() {
        return earliestCommit;
    }

    /**
     * After epoch e at {@code block}: commits its rows (commit-reveal) and keeps its consensus for the copiers.
     *
     * @param changed {@link #changed}(e)
     */
    void afterEpoch(int e, long block, boolean changed, double[] consensus) {
        weightsMoved = false;
        if (revealPeriod > 0) {
            commit(e, block, changed);
        }
        consensusHistory[e % consensusHistory.length] = consensus;
    }

    /** UID {@code uid} has a new owner or none: every validator's weight on it is 0 until set again. */
    void clearUid(int uid) {
        weightsMoved = true;
        for (int v = 0; v < nVal; v++) {
            if (weights[v] != null) {
                weights[v][uid] = 0;
            }
        }
    }

    private int[][] reveal(int e, long block) {
        int slot = e % revealPeriod;
        if (e == 0) {
            for (int k = 0; k < revealPeriod; k++) {
                commit(k, block, false);
                if (initialRows != null) { // committed before the run began
                    for (int v = 0; v < nVal; v++) {
                        System.arraycopy(initialRows[v], 0, committed[k][v], 0, n);
                    }
                    commitBlocks[k] = 0;
                }
            }
        }
        boolean beforeRun = initialRows != null && e < revealPeriod;
        for (int v = 0; v < nVal; v++) {
            visible[v] = population.behaviour(v) == SubnetPopulation.COPIER && !beforeRun ? weights[v]
                    : committed[slot][v];
            earliestCommit[v] = commitBlocks[slot];
        }
        return visible;
    }

    /** Stores the validators' weights of epoch e as committed one block before the epoch's last. */
    private void commit(int e, long block, boolean changed) {
        int slot = e % revealPeriod;
        for (int v = 0; v < nVal; v++) {
            System.arraycopy(weights[v], 0, committed[slot][v], 0, n);
        }
        commitBlocks[slot] = block - 1;
        commitChanged[slot] = changed;
    }
}
