package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.yuma.YumaResult;
import java.util.Arrays;

/**
 * Pays a subnet's epochs (model.md §2, yuma.md §7) and keeps the books of what it paid: per miner slot for the
 * last epoch (pruning reads it), per validator and in sums over the current network step, the sample interval,
 * the operators' decision interval and the run.
 *
 * <p>The epoch's emission E splits by {@link SubnetEmissionSplit}: owner = floor(E·cut/65535) with
 * cut = round(ownerShare·65535) (0.18 → 11796, the chain's); the rest splits into a miner pool
 * (minerShare/(minerShare+validatorShare)) and a validator pool, of which root_prop × the validator half is the
 * root share. Under a market rule a fraction b of the miner pool is first burned on the owner's hotkeys
 * (b·pool floored). Miner slot j gets floor(I_j/ΣI · pool) by Yuma incentive; validator i gets
 * floor(D_i/ΣD · pool) by dividends (active stake, then stake, if ΣD = 0); if ΣI = 0 nothing is burned and
 * the miner pool goes to the validators too. Each amount is floored to rao, so owner + miners + validators +
 * burned ≤ E, and the difference is what flooring left unpaid. Stakes do not compound in this version.
 */
final class SubnetPayment {

    private final String subnet;
    private final SubnetEmissionSplit split;
    private final int nVal;
    private final int nMiners;
    /** The owner of each miner slot (the population's array, read only here). */
    private final Operator[] owner;
    /** Each miner slot's emission in the last epoch, rao (pruning picks the lowest). */
    private final long[] lastRao;
    /** Each validator's dividends over the current sample interval, rao. */
    private final long[] valRao;

    /** root_prop for this epoch's split: the root share of the validator half. */
    private double rootProportion;
    /** Fraction of the miner pot burned on the owner's hotkeys (market rules only). */
    private double ownerBurnFraction;
    /** Miner emission since the last decision, rao. */
    private long decisionMinerRao;

    /** Payouts of the current network step (summed over this subnet's epochs in it). */
    private final PaymentBook step = new PaymentBook();
    /** Payouts over the current sample interval. */
    private final PaymentBook interval = new PaymentBook();
    /** Payouts over the run. */
    private final PaymentBook total = new PaymentBook();

    /**
     * @param owner the owner of each miner slot (read at each payment: an empty slot's amount is paid to nobody
     *              but still counts as paid)
     */
    SubnetPayment(String subnet, SubnetEmissionSplit split, int nVal, Operator[] owner) {
        this.subnet = subnet;
        this.split = split;
        this.nVal = nVal;
        this.nMiners = owner.length;
        this.owner = owner;
        this.lastRao = new long[nMiners];
        this.valRao = new long[nVal];
    }

    /** The epoch's parts of {@code subnetRao} (owner, miner pool, validator pool, root share) at this root_prop. */
    SubnetEmissionSplit.Parts split(long subnetRao) {
        return split.split(subnetRao, rootProportion);
    }

    /**
     * Pays epoch {@code e} of {@code subnetRao}, split into {@code parts} ({@link #split}), by the incentive and
     * dividends of {@code r}, and adds what it paid to the step's, the interval's and the run's sums.
     *
     * @return the rao left unpaid by flooring
     */
    long pay(int e, long subnetRao, SubnetEmissionSplit.Parts parts, YumaResult r) {
        long ownerRao = parts.owner();
        long minerPool = parts.miners();
        long rootRao = parts.root();
        long validatorPool = parts.validators() + parts.root();
        double[] inc = r.incentive();
        double sumI = 0;
        for (int j = 0; j < nMiners; j++) {
            sumI += inc[nVal + j];
        }
        long paidMiners = 0;
        long cheatMiners = 0;
        long burned = 0;
        if (sumI > 0) {
            burned = (long) Math.floor(minerPool * ownerBurnFraction);
            minerPool -= burned;
            for (int j = 0; j < nMiners; j++) {
                long amount = (long) Math.floor(inc[nVal + j] / sumI * minerPool);
                Operator op = owner[j];
                if (op != null) {
                    op.sampleRao += amount;
                    op.earnedRao += amount;
                    cheatMiners += op.cheater || op.copier ? amount : 0;
                }
                lastRao[j] = amount;
                paidMiners += amount;
            }
        } else {
            Arrays.fill(lastRao, 0);
            validatorPool += minerPool;
        }
        decisionMinerRao += paidMiners;
        double[] d = dividendWeights(r);
        double sumD = 0;
        for (int v = 0; v < nVal; v++) {
            sumD += d[v];
        }
        long paidValidators = 0;
        if (sumD > 0) {
            for (int v = 0; v < nVal; v++) {
                long amount = (long) Math.floor(d[v] / sumD * validatorPool);
                valRao[v] += amount;
                paidValidators += amount;
            }
        }
        long unpaid = subnetRao - ownerRao - paidMiners - paidValidators - burned;
        if (unpaid < 0) {
            throw new IllegalStateException("subnet " + subnet + " paid more than it was issued at epoch " + e);
        }
        long rootPaid = Math.min(rootRao, paidValidators);
        step.add(subnetRao, ownerRao, paidMiners, cheatMiners, paidValidators, rootPaid, burned);
        interval.add(subnetRao, ownerRao, paidMiners, cheatMiners, paidValidators, rootPaid, burned);
        total.add(subnetRao, ownerRao, paidMiners, cheatMiners, paidValidators, rootPaid, burned);
        return unpaid;
    }

    /** Yuma's dividends, or if they sum to 0 the active stake, or else the normalised stake. */
    private double[] dividendWeights(YumaResult r) {
        for (double[] candidate : new double[][]{r.dividends(), r.activeStake(), r.stakeNormalized()}) {
            double s = 0;
            for (int v = 0; v < nVal; v++) {
                s += candidate[v];
            }
            if (s > 0) {
                return candidate;
            }
        }
        return r.dividends();
    }

    /** A new UID in slot j: it has earned nothing yet. */
    void resetSlot(int j) {
        lastRao[j] = 0;
    }

    /** Each miner slot's emission in the last epoch, rao (read only). */
    long[] lastEpochRao() {
        return lastRao;
    }

    /** Each validator's dividends over the current sample interval, rao (read only). */
    long[] validatorIntervalRao() {
        return valRao;
    }

    void setRootProportion(double rootProportion) {
        this.rootProportion = rootProportion;
    }

    void setOwnerBurnFraction(double ownerBurnFraction) {
        this.ownerBurnFraction = ownerBurnFraction;
    }

    /** The miner emission paid since the last call (the operators' decision interval), rao. */
    long takeDecisionMinerRao() {
        long rao = decisionMinerRao;
        decisionMinerRao = 0;
        return rao;
    }

    /** Starts a network step: its sums start at 0. */
    void beginStep() {
        step.clear();
    }

    /** Paid in the current network step. */
    PaymentBook step() {
        return step;
    }

    /** Paid in the current sample interval. */
    PaymentBook interval() {
        return interval;
    }

    /** Paid over the run. */
    PaymentBook total() {
        return total;
    }

    /** Starts a sample interval: the interval's sums and the validators' dividends start at 0. */
    void resetInterval() {
        Arrays.fill(valRao, 0);
        interval.clear();
    }
}
