package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.market.AlphaPool;
import io.incentivelab.simulation.model.EconomicsSpec;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaCarry;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaResult;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The mutable state of one subnet during one run (created inside {@link Simulator#run}), and its epoch. Its parts:
 * {@link SubnetPopulation} (validators, operators, their slots, registration and pruning),
 * {@link SubnetMeasurement} (validators' scores of the miners), {@link SubnetWeights} (scores to weights, and
 * what Yuma sees of them), {@link SubnetPayment} (the epoch's emission to owner, miners and validators) and
 * {@link SubnetSampler} (the outputs of a sample interval); this class keeps the chain state between epochs
 * (bonds, permits, last updates, Yuma's carry) and the schedule of the subnet's epochs in a network step.
 *
 * <p><b>Epoch</b> e at block b paying E: the weights are set ({@link SubnetWeights#set}), E is split
 * ({@link SubnetPayment#split}), Yuma Consensus runs over the rows Yuma sees with pool = miner + validator parts,
 * reusing the last epoch's consensus when nothing that enters it changed ({@link YumaCarry}), and the result is
 * paid ({@link SubnetPayment#pay}). Chain state starts as if the subnet had run before: validators hold permits
 * by top-k stake (higher uid wins ties).
 *
 * <p><b>Registration</b> ({@link #register}) takes a slot from the population and resets the UID's chain state:
 * block at registration, last update, the bonds every validator holds on it, the weights set on it, its
 * penalties and its emission of the last epoch.
 */
final class SubnetRun {

    final SubnetSpec spec;
    final int index;
    private final YumaConsensus yuma;
    private final int nVal;
    private final int nMiners;
    private final int n;
    /** Registration burn of this subnet. */
    final BurnPrice burn;

    private final SubnetPopulation population;
    private final SubnetMeasurement measurement;
    private final SubnetWeights weights;
    private final SubnetPayment payment;
    private final SubnetSampler sampler;

    // chain state
    private double[][] bonds;
    private boolean[] permits;
    private long lastStepBlock;
    private final long[] lastUpdate;
    /** The last epoch's consensus and the permits it read. */
    private double[] lastConsensus;
    /** What an epoch keeps for the next one of this subnet (the parts of Yuma that only the weights change). */
    private final YumaCarry carry = new YumaCarry();
    /** The previous epoch's consensus as stored (u16 / 65535), kept for liquid alpha's Auto mode only. */
    private double[] lastConsensusStored;
    private boolean[] lastPermitsBefore;

    /** The alpha market's pool of this subnet (null under FIXED and EQUAL), driven by Market on the run's thread. */
    private AlphaPool pool;

    /**
     * This subnet's epochs in the current network step, set before the step ({@link #dueEpoch}): the block of
     * each and what it pays (rao, or under a market rule the alpha's TAO value).
     */
    private long[] dueBlock = new long[1];
    private long[] dueRao = new long[1];
    private int dueCount;
    /** FIXED/EQUAL: rao accrued since this subnet's last epoch, paid at its next. */
    private long carryRao;
    /** This subnet's epochs run so far (its own epoch index: re-measurement, penalties and reveals count these). */
    private int epochsRun;

    /**
     * @param noise {@link NormalTable#lognormal} of the validators' σ (read only; shared by the runs of a
     *              {@link Simulator})
     */
    SubnetRun(SubnetSpec spec, int index, long seed, SubnetEmissionSplit split, YumaConsensus yuma,
              EconomicsSpec econ, int firstOperatorId, double[] noise, double taoWeight) {
        this.spec = spec;
        this.index = index;
        this.yuma = yuma;
        nVal = spec.validators().count();
        nMiners = econ.enabled() ? spec.limits().maxUids() - nVal
                : spec.miners().operators() * spec.miners().uidsPerOperator();
        n = nVal + nMiners;
        burn = new BurnPrice(econ.registration());

        SplittableRandom setup = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.SETUP));
        SplittableRandom rng = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.EPOCHS));
        Operator[] owner = new Operator[nMiners];
        measurement = new SubnetMeasurement(spec, nVal, owner, rng, noise);
        population = new SubnetPopulation(spec, index, seed, setup, econ, firstOperatorId, owner,
                measurement.mainResource(), taoWeight);
        weights = new SubnetWeights(spec, population, measurement);
        payment = new SubnetPayment(spec.name(), split, nVal, owner);
        sampler = new SubnetSampler(population, measurement, payment);

        bonds = new double[n][];
        permits = new boolean[n];
        long[] stake = population.stakes();
        Integer[] order = new Integer[nVal];
        for (int v = 0; v < nVal; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (a, b) -> stake[a] != stake[b] ? Long.compare(stake[b], stake[a]) : Integer.compare(b, a));
        for (int r = 0; r < Math.min(nVal, spec.limits().validatorPermits()); r++) {
            permits[order[r]] = true;
        }
        lastUpdate = new long[n];
        measurement.rebuild(population.operators());
    }

    /**
     * Recomputes what follows from the slots' owners (after the economy moved operators): the measured quantities
     * of every slot and the cartel's UIDs.
     */
    void rebuild() {
        measurement.rebuild(population.operators());
        population.rebuild();
    }

    /**
     * Registers a UID for {@code op} at {@code block}: a never-registered slot if there is one, else the
     * pruned one ({@link SubnetPopulation}). The UID's chain state is reset (see the class comment); the
     * operator it is taken from (if any) loses it.
     *
     * @return the operator whose UID was pruned (null if none)
     */
    Operator register(Operator op, long block, int immunityBlocks) {
        int j = population.slotFor(block, immunityBlocks, payment.lastEpochRao());
        Operator prunedOp = population.assign(op, j, block);
        int uid = nVal + j;
        lastUpdate[uid] = block;
        payment.resetSlot(j);
        measurement.resetSlot(j);
        weights.clearUid(uid);
        for (double[] row : bonds) {
            if (row != null) {
                row[uid] = 0;
            }
        }
        return prunedOp;
    }

    /** Gives up miner slot j (its owner moved, shrank or exited): the UID stays registered and scores 0. */
    void abandon(int j) {
        population.abandon(j);
        measurement.forgetEma(j);
        weights.clearUid(nVal + j);
    }

    /** Checks the population's slot bookkeeping (IllegalStateException when it is broken). */
    void checkConsistency() {
        population.checkConsistency(spec.limits().maxUids());
    }

    /** The operators on this subnet, in order of arrival (the live list; change it through this class only). */
    List<Operator> operators() {
        return population.operators();
    }

    /** The owner of each miner slot (index uid − V; read only). */
    Operator[] owners() {
        return population.owners();
    }

    SubnetPopulation population() {
        return population;
    }

    SubnetMeasurement measurement() {
        return measurement;
    }

    SubnetPayment payment() {
        return payment;
    }

    SubnetSampler sampler() {
        return sampler;
    }

    int validators() {
        return nVal;
    }

    int minerSlots() {
        return nMiners;
    }

    int uids() {
        return n;
    }

    /** Validator v's stake weight in Yuma, rao: its subnet stake plus taoWeight × its root stake. */
    long stakeWeight(int v) {
        return population.stakes()[v];
    }

    /** The consensus of the last epoch stepped (null before the first). */
    double[] consensus() {
        return lastConsensus;
    }

    /** Blocks per epoch of this subnet (its own tempo or the network's). */
    int tempo() {
        return (int) yuma.params().tempo();
    }

    /** The curve of this subnet for {@code m} UIDs (the economy's counterfactuals). */
    RewardCurves newCurves(int m) {
        return new RewardCurves(spec.rewardCurve(), m);
    }

    /** Joins the alpha market: the subnet's pool, and the fraction of the miner pot burned on the owner's hotkeys. */
    void joinMarket(AlphaPool pool, double ownerBurnFraction) {
        this.pool = pool;
        payment.setOwnerBurnFraction(ownerBurnFraction);
    }

    /** The subnet's alpha pool, or null under FIXED and EQUAL. */
    AlphaPool pool() {
        return pool;
    }

    /** Clears the list of epochs due in the next network step. */
    void clearDue() {
        dueCount = 0;
    }

    /** Schedules one of this subnet's epochs in the current network step. */
    void dueEpoch(long block, long rao) {
        if (dueCount == dueBlock.length) {
            dueBlock = Arrays.copyOf(dueBlock, 2 * dueCount);
            dueRao = Arrays.copyOf(dueRao, 2 * dueCount);
        }
        dueBlock[dueCount] = block;
        dueRao[dueCount] = rao;
        dueCount++;
    }

    /**
     * FIXED/EQUAL: schedules this subnet's epochs among the network step's blocks {@code firstBlock ..
     * firstBlock + tempo − 1}, whose cumulative emission is {@code cumulative[1..tempo]}: the subnet accrues
     * {@code floor(C·share)} of it, and each of its epochs pays what accrued since its last one.
     *
     * @return the rao the subnet accrued over the step
     */
    long planFixed(long firstBlock, long[] cumulative, double share) {
        clearDue();
        int steps = cumulative.length - 1;
        long lastBlock = firstBlock + steps - 1;
        int t = tempo();
        long paidUpTo = 0;
        for (long b = Math.floorDiv(firstBlock + t - 1, t) * t; b <= lastBlock; b += t) {
            long accrued = (long) Math.floor(cumulative[(int) (b - firstBlock + 1)] * share);
            dueEpoch(b, carryRao + accrued - paidUpTo);
            carryRao = 0;
            paidUpTo = accrued;
        }
        long total = (long) Math.floor(cumulative[steps] * share);
        carryRao += total - paidUpTo;
        return total;
    }

    /** FIXED/EQUAL: the rao accrued but not yet paid, because the subnet's next epoch is still to come. */
    long pendingRao() {
        return carryRao;
    }

    /**
     * Runs the epochs due in this network step ({@link #dueEpoch}), in order, with this subnet's own epoch index.
     * The payment's step sums then hold what they paid (0 when none was due).
     *
     * @return the rao left unpaid by flooring
     */
    long stepDue(YumaWorkspace ws) {
        payment.beginStep();
        long unpaid = 0;
        for (int k = 0; k < dueCount; k++) {
            unpaid += step(epochsRun++, dueBlock[k], dueRao[k], ws);
        }
        return unpaid;
    }

    /**
     * Runs epoch {@code e} at {@code block}, paying {@code subnetRao}; adds what it paid to the payment's sums.
     *
     * @return the rao left unpaid by flooring
     */
    long step(int e, long block, long subnetRao, YumaWorkspace ws) {
        weights.set(e);
        SubnetEmissionSplit.Parts parts = payment.split(subnetRao);
        long pool = parts.miners() + (parts.validators() + parts.root());
        Arrays.fill(lastUpdate, block);
        // the initial weights stand for epoch 0 (or until the first reveal); the epoch after reads new weights
        boolean changed = weights.changed(e);
        int[][] shown = weights.shown(e, block);
        YumaInputs in = new YumaInputs(block, lastStepBlock, pool, population.stakes(), shown, lastUpdate,
                population.registrationBlocks(), permits, bonds, weights.earliestCommit(),
                yuma.params().liquidAlphaReadsPreviousConsensus() ? lastConsensusStored : null);
        // between re-measurements nothing that enters the consensus changes: reuse last epoch's (with
        // commit-reveal: when the revealed commit equals the one before and nobody registered since)
        boolean visibleChanged = weights.visibleChanged(e, changed);
        boolean reuse = !visibleChanged && !population.anyCopier() && lastConsensus != null
                && Arrays.equals(permits, lastPermitsBefore);
        lastPermitsBefore = permits;
        YumaResult r = yuma.epoch(in, ws, carry, reuse);
        lastConsensus = r.consensus();
        if (yuma.params().liquidAlphaReadsPreviousConsensus()) { // as the chain stores it: u16
            int[] cu = r.consensusU16();
            lastConsensusStored = new double[cu.length];
            for (int j = 0; j < cu.length; j++) {
                lastConsensusStored[j] = cu[j] / 65535.0;
            }
        }
        weights.afterEpoch(e, block, changed, r.consensus());
        permits = r.newValidatorPermits();
        ws.recycle(bonds); // replaced: the next epoch of a subnet this size writes its bonds into these rows
        bonds = r.bonds();
        lastStepBlock = block;
        return payment.pay(e, subnetRao, parts, r);
    }

    /**
     * Writes this subnet's outputs for the interval just ended into {@code out[offset …]} ({@link SubnetMetric}
     * order), then starts the next interval.
     *
     * @param taoEmission this subnet's TAO emission over the interval (= what it issued under FIXED/EQUAL), rao
     * @param networkTao  the network's, rao
     */
    void sample(double[] out, int offset, int intervalEpochs, double epochsPerDay, long taoEmission, long networkTao) {
        sampler.sample(out, offset, intervalEpochs, epochsPerDay, taoEmission, networkTao,
                burn.priceTao(lastStepBlock), pool);
    }
}
