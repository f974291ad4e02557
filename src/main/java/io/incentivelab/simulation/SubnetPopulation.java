package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.model.BetaSpec;
import io.incentivelab.simulation.model.EconomicsSpec;
import io.incentivelab.simulation.model.LogNormalSpec;
import io.incentivelab.simulation.model.MinersSpec;
import io.incentivelab.simulation.model.Placement;
import io.incentivelab.simulation.model.StakeDistribution;
import io.incentivelab.simulation.model.StakeSpec;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.model.StrategyMix;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.ValidatorsSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Who is on a subnet (model.md §6, §8; yuma.md §10): its validators with their stake and behaviour, and its
 * miner slots with the {@link Operator} owning each, the block each UID registered at, and the registrations,
 * arrivals, departures and prunings of the current sample interval.
 *
 * <p><b>Initial population</b>. UIDs 0..V−1 are validators, V.. are miners; operator o runs UIDs
 * V + o·k … V + o·k + k − 1. Resources come from percentiles u ~ U(0,1)³: compute = median·exp(σ Φ⁻¹(u₁)),
 * storage likewise, quality = Beta⁻¹(u₃). With placement STRONGEST_RESOURCE the largest percentile is swapped
 * into the resource the metric weights most — exact conditioning on "strongest resource = that one", by
 * symmetry. Cheaters, copiers and the cartel's operators are the first of random permutations. Validator stake
 * is EXPLICIT or Pareto(shape) scaled to the total, plus taoWeight × the root stake; the weight copiers and then
 * the cartel's validators are the first of a random permutation. All of it is drawn from the subnet's setup
 * stream in that order.
 *
 * <p><b>Moving population</b> (economics on): the subnet has {@code maxUids − V} miner slots; a slot is owned by
 * an operator or empty (never registered, or left by an operator that moved, shrank or exited: such a UID stays
 * registered, scores 0 and is the first to be pruned). A registration takes a never-registered slot, else prunes
 * the non-immune slot with the lowest emission in the last epoch, ties to the earlier registration then the
 * lower uid (if all are immune, the same rule over all).
 */
final class SubnetPopulation {

    static final int HONEST = 0;
    static final int COPIER = 1;
    static final int CARTEL = 2;

    private final String name;
    private final int index;
    private final int nVal;
    private final int nMiners;

    /** Operators on this subnet, in order of arrival. */
    private final List<Operator> ops = new ArrayList<>();
    /** The owner of each miner slot (index j = uid − V), null when empty. */
    private final Operator[] owner;
    private final boolean[] registered;
    /** The block each UID registered at (validators: 0). */
    private final long[] registration;
    /** Each UID's stake weight in Yuma, rao (miners: 0). */
    private final long[] stake;
    private final int[] behaviour;
    private final boolean anyCopier;
    /** The miner slots the cartel's operators hold; set by {@link #rebuild}. */
    private int[] cartelUids = new int[0];

    // over the current sample interval
    private int registrations;
    private int entered;
    private int left;
    private int pruned;

    /**
     * Draws the initial population from {@code setup} (see the class comment).
     *
     * @param owner     the owner of each miner slot, all empty (filled here and kept): maxUids − V slots with
     *                  economics on, else operators × UIDs per operator
     * @param strongest the resource the metric weights most (0 compute, 1 storage, 2 quality)
     * @param taoWeight the weight of root stake beside subnet stake
     */
    SubnetPopulation(SubnetSpec spec, int index, long seed, SplittableRandom setup, EconomicsSpec econ,
                     int firstOperatorId, Operator[] owner, int strongest, double taoWeight) {
        this.name = spec.name();
        this.index = index;
        MinersSpec ms = spec.miners();
        ValidatorsSpec vs = spec.validators();
        nVal = vs.count();
        int nOps = ms.operators();
        int perOp = ms.uidsPerOperator();
        this.nMiners = owner.length;
        int n = nVal + nMiners;

        // operators and their resources
        double[] compute = new double[nOps];
        double[] storage = new double[nOps];
        double[] quality = new double[nOps];
        NormalDistribution normal = new NormalDistribution(null, 0, 1, 1e-12);
        BetaSpec bq = ms.quality();
        BetaDistribution beta = new BetaDistribution(null, bq.alpha(), bq.beta(), 1e-12);
        LogNormalSpec lc = ms.compute();
        LogNormalSpec ls = ms.storage();
        double[] u = new double[3];
        for (int o = 0; o < nOps; o++) {
            for (int r = 0; r < 3; r++) {
                u[r] = openUniform(setup);
            }
            if (ms.placement() == Placement.STRONGEST_RESOURCE) {
                int arg = u[0] >= u[1] && u[0] >= u[2] ? 0 : u[1] >= u[2] ? 1 : 2;
                double t = u[strongest];
                u[strongest] = u[arg];
                u[arg] = t;
            }
            compute[o] = lc.median() * StrictMath.exp(lc.sigma() * normal.inverseCumulativeProbability(u[0]));
            storage[o] = ls.median() * StrictMath.exp(ls.sigma() * normal.inverseCumulativeProbability(u[1]));
            quality[o] = Math.min(1 - 1e-9, Math.max(1e-9, beta.inverseCumulativeProbability(u[2])));
        }
        boolean[] cheater = new boolean[nOps];
        boolean[] copier = new boolean[nOps];
        int[] perm = permutation(nOps, setup);
        int nCheat = (int) Math.round(ms.cheaterFraction() * nOps);
        int nCopy = Math.min(nOps - nCheat, (int) Math.round(ms.copierFraction() * nOps));
        for (int i = 0; i < nCheat; i++) {
            cheater[perm[i]] = true;
        }
        for (int i = nCheat; i < nCheat + nCopy; i++) {
            copier[perm[i]] = true;
        }
        boolean[] cartelOp = new boolean[nOps];
        int nCartelVal = (int) Math.round(vs.cartelFraction() * nVal);
        int nCopyVal = Math.min(nVal, (int) Math.round(vs.weightCopierFraction() * nVal));
        nCartelVal = Math.min(nVal - nCopyVal, nCartelVal);
        int[] cartelPerm = permutation(nOps, setup);
        int nCartelOps = nCartelVal > 0 ? Math.min(nOps, vs.cartelOperators()) : 0;
        for (int i = 0; i < nCartelOps; i++) {
            cartelOp[cartelPerm[i]] = true;
        }

        // the operators, their strategies (economics on) and their UIDs
        SplittableRandom strategyRng = new SplittableRandom(StreamSeeds.derive(seed, index, StreamSeeds.STRATEGY));
        this.owner = owner;
        registered = new boolean[nMiners];
        for (int o = 0; o < nOps; o++) {
            Strategy st = econ.enabled() ? drawStrategy(econ.strategies(), strategyRng) : Strategy.SPECIALIST;
            Operator op = new Operator(firstOperatorId + o, st, compute[o], storage[o], quality[o], 0);
            op.cheater = cheater[o] || st == Strategy.CHEATER;
            op.copier = copier[o] || st == Strategy.CHEATER;
            op.cartel = cartelOp[o];
            drawHardware(op, ms, seed);
            op.subnet = index;
            op.home = index;
            for (int k = 0; k < perOp; k++) {
                int j = o * perOp + k;
                owner[j] = op;
                registered[j] = true;
                op.addSlot(j);
            }
            ops.add(op);
        }

        // validators: stake and behaviour
        stake = new long[n];
        double[] raw = new double[nVal];
        if (vs.stake().distribution() == StakeDistribution.EXPLICIT) {
            for (int v = 0; v < nVal; v++) {
                raw[v] = vs.stake().explicitTao().get(v);
            }
            for (int v = 0; v < nVal; v++) {
                stake[v] = Math.round(raw[v] * BlockEmission.RAO_PER_TAO);
            }
        } else {
            double shape = vs.stake().paretoShape();
            double sum = 0;
            for (int v = 0; v < nVal; v++) {
                raw[v] = StrictMath.pow(openUniform(setup), -1 / shape);
                sum += raw[v];
            }
            double total = vs.stake().totalTao() * BlockEmission.RAO_PER_TAO;
            for (int v = 0; v < nVal; v++) {
                stake[v] = Math.max(1, Math.round(raw[v] / sum * total));
            }
        }
        // root stake counts taoWeight× beside the subnet stake (stake weight = alpha + w·τ_root); drawn only when
        // there is some, so scenarios without root stake keep their random streams
        double[] root = rootStakes(vs.stake(), nVal, setup);
        for (int v = 0; v < nVal; v++) {
            stake[v] += Math.round(taoWeight * root[v] * BlockEmission.RAO_PER_TAO);
        }
        behaviour = new int[nVal];
        int[] vperm = permutation(nVal, setup);
        for (int i = 0; i < nCopyVal; i++) {
            behaviour[vperm[i]] = COPIER;
        }
        anyCopier = nCopyVal > 0;
        for (int i = nCopyVal; i < nCopyVal + nCartelVal; i++) {
            behaviour[vperm[i]] = CARTEL;
        }
        registration = new long[n];
        rebuild();
    }

    /**
     * Draws an operator's GPU class (by gpuClassShares; class 0 if empty) and latency (lognormal) from its own
     * stream, derived from the run seed and the operator id: no other random stream moves.
     */
    static void drawHardware(Operator op, MinersSpec ms, long seed) {
        SplittableRandom r = new SplittableRandom(StreamSeeds.derive(seed, op.id, StreamSeeds.HARDWARE));
        List<Double> shares = ms.gpuClassShares();
        double total = 0;
        for (double x : shares) {
            total += x;
        }
        double u = r.nextDouble() * total;
        int cls = 0;
        for (int c = 0; c < shares.size(); c++) {
            if (shares.get(c) > 0) {
                cls = c;
                if (u < shares.get(c)) {
                    break;
                }
            }
            u -= shares.get(c);
        }
        op.gpuClass = cls;
        LogNormalSpec l = ms.latency();
        double z = new NormalDistribution(null, 0, 1, 1e-12).inverseCumulativeProbability(openUniform(r));
        op.latency = l.median() * StrictMath.exp(l.sigma() * z);
    }

    /** Draws a strategy from the mix (shares normalised by their sum). */
    static Strategy drawStrategy(StrategyMix mix, SplittableRandom r) {
        double u = r.nextDouble() * mix.total();
        if (u < mix.specialist()) {
            return Strategy.SPECIALIST;
        }
        u -= mix.specialist();
        if (u < mix.adaptive()) {
            return Strategy.ADAPTIVE;
        }
        u -= mix.adaptive();
        if (u < mix.sybil() || mix.cheater() == 0) {
            return mix.sybil() > 0 ? Strategy.SYBIL : Strategy.SPECIALIST;
        }
        return Strategy.CHEATER;
    }

    /**
     * Each validator's root stake, TAO: EXPLICIT's list (none if empty), or PARETO's rootTao split by fresh Pareto
     * draws of the subnet stake's shape (independent of the subnet stake); zeros without drawing when there is none.
     */
    static double[] rootStakes(StakeSpec st, int nVal, SplittableRandom setup) {
        double[] root = new double[nVal];
        if (st.distribution() == StakeDistribution.EXPLICIT) {
            for (int v = 0; v < nVal && v < st.explicitRootTao().size(); v++) {
                root[v] = st.explicitRootTao().get(v);
            }
        } else if (st.rootTao() > 0) {
            double sum = 0;
            for (int v = 0; v < nVal; v++) {
                root[v] = StrictMath.pow(openUniform(setup), -1 / st.paretoShape());
                sum += root[v];
            }
            for (int v = 0; v < nVal; v++) {
                root[v] = root[v] / sum * st.rootTao();
            }
        }
        return root;
    }

    private static double openUniform(SplittableRandom r) {
        return ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    private static int[] permutation(int size, SplittableRandom r) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int k = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
        return p;
    }

    /** Recomputes the cartel's UIDs from the slots' owners. */
    void rebuild() {
        int cartelCount = 0;
        for (int j = 0; j < nMiners; j++) {
            if (owner[j] != null && owner[j].cartel) {
                cartelCount++;
            }
        }
        cartelUids = new int[cartelCount];
        for (int j = 0, c = 0; j < nMiners; j++) {
            if (owner[j] != null && owner[j].cartel) {
                cartelUids[c++] = j;
            }
        }
    }

    /**
     * The slot a registration at {@code block} takes: the first never-registered one, else the one pruned (see
     * the class comment) by the last epoch's emission {@code lastRao}. Changes nothing.
     */
    int slotFor(long block, int immunityBlocks, long[] lastRao) {
        for (int x = 0; x < nMiners; x++) {
            if (!registered[x]) {
                return x;
            }
        }
        int j = pruneCandidate(block, immunityBlocks, true, lastRao);
        return j >= 0 ? j : pruneCandidate(block, immunityBlocks, false, lastRao);
    }

    private int pruneCandidate(long block, int immunityBlocks, boolean nonImmuneOnly, long[] lastRao) {
        int best = -1;
        for (int j = 0; j < nMiners; j++) {
            long reg = registration[nVal + j];
            if (nonImmuneOnly && block - reg < immunityBlocks) {
                continue;
            }
            if (best < 0 || lastRao[j] < lastRao[best]
                    || (lastRao[j] == lastRao[best] && reg < registration[nVal + best])) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Registers slot j ({@link #slotFor}) to {@code op} at {@code block}: a registered slot is pruned first (its
     * owner, if any, loses it). The operator joins this subnet if it is not on it yet.
     *
     * @return the operator whose UID was pruned (null if none)
     */
    Operator assign(Operator op, int j, long block) {
        Operator prunedOp = null;
        if (registered[j]) {
            pruned++;
            prunedOp = owner[j];
            if (prunedOp != null) {
                dropSlot(prunedOp, j);
            }
        }
        registered[j] = true;
        owner[j] = op;
        registration[nVal + j] = block;
        if (op.subnet != index) {
            op.subnet = index;
            op.slots = new int[0];
            ops.add(op);
        }
        op.addSlot(j);
        registrations++;
        return prunedOp;
    }

    /** Slot j's owner gives it up (it moved, shrank or exited): the UID stays registered and scores 0. */
    void abandon(int j) {
        Operator op = owner[j];
        owner[j] = null;
        if (op != null) {
            dropSlot(op, j);
        }
    }

    private void dropSlot(Operator op, int j) {
        op.removeSlot(j);
        if (op.slots.length == 0) {
            ops.remove(op);
            op.subnet = -1;
            op.sampleRao = 0;
        }
    }

    /**
     * Checks the slot bookkeeping: every occupied slot's owner lists it, every operator here holds only
     * slots it owns (none twice), and at most maxUids UIDs are registered. Throws IllegalStateException.
     */
    void checkConsistency(int maxUids) {
        for (int j = 0; j < nMiners; j++) {
            Operator op = owner[j];
            if (op != null && (op.subnet != index || !contains(op.slots, j) || !registered[j])) {
                throw new IllegalStateException("subnet " + name + ": slot " + j + " owner does not list it");
            }
        }
        int held = 0;
        for (Operator op : ops) {
            if (op.subnet != index || op.slots.length == 0 || !op.active) {
                throw new IllegalStateException("subnet " + name + ": operator " + op.id + " listed but not here");
            }
            for (int x = 0; x < op.slots.length; x++) {
                if (owner[op.slots[x]] != op || contains(Arrays.copyOf(op.slots, x), op.slots[x])) {
                    throw new IllegalStateException("subnet " + name + ": operator " + op.id + " slot mismatch");
                }
            }
            held += op.slots.length;
        }
        if (held != occupiedSlots() || nVal + nMiners > maxUids) {
            throw new IllegalStateException("subnet " + name + ": UID count mismatch");
        }
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    /** Miner slots with an owner. */
    int occupiedSlots() {
        int c = 0;
        for (Operator o : owner) {
            if (o != null) {
                c++;
            }
        }
        return c;
    }

    /** Sum of a resource over the operators on this subnet (0 compute, 1 storage, 2 quality). */
    double held(int resource) {
        double sum = 0;
        for (Operator op : ops) {
            sum += resource == 0 ? op.compute : resource == 1 ? op.storage : op.quality;
        }
        return sum;
    }

    /** The operators on this subnet, in order of arrival (the live list; change it only through this class). */
    List<Operator> operators() {
        return ops;
    }

    /** The owner of each miner slot (the live array, read only outside this class). */
    Operator[] owners() {
        return owner;
    }

    /** The block each UID registered at (the live array Yuma reads). */
    long[] registrationBlocks() {
        return registration;
    }

    /** Each UID's stake weight, rao (the live array Yuma reads). */
    long[] stakes() {
        return stake;
    }

    int validators() {
        return nVal;
    }

    int minerSlots() {
        return nMiners;
    }

    /** Validator v's behaviour: {@link #HONEST}, {@link #COPIER} or {@link #CARTEL}. */
    int behaviour(int v) {
        return behaviour[v];
    }

    /** True when some validator is a weight copier. */
    boolean anyCopier() {
        return anyCopier;
    }

    /** The miner slots the cartel's operators hold (read only). */
    int[] cartelUids() {
        return cartelUids;
    }

    /** An operator arrived on this subnet from elsewhere (or from outside). */
    void countEntered() {
        entered++;
    }

    /** An operator left this subnet. */
    void countLeft() {
        left++;
    }

    int registrations() {
        return registrations;
    }

    int entered() {
        return entered;
    }

    int left() {
        return left;
    }

    int pruned() {
        return pruned;
    }

    /** Starts a sample interval: the counts start at 0. */
    void resetCounts() {
        registrations = 0;
        entered = 0;
        left = 0;
        pruned = 0;
    }
}
