package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.IssuanceTracker;
import io.incentivelab.simulation.metrics.Concentration;
import io.incentivelab.simulation.model.BetaSpec;
import io.incentivelab.simulation.model.CostSpec;
import io.incentivelab.simulation.model.EconomicsSpec;
import io.incentivelab.simulation.model.LogNormalSpec;
import io.incentivelab.simulation.model.MinersSpec;
import io.incentivelab.simulation.model.Placement;
import io.incentivelab.simulation.model.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Operators' economics and the moving population of one run (model.md §8), on the run's thread between
 * epochs, in operator id order, from one random stream: the run stays a pure function of the seed.
 *
 * <p><b>Costs.</b> Holding x units of resource r costs K_r · x^β to buy and c_r · x^β per day to run (unit
 * cost ∝ x^(β−1)); quality is held as odds x = q/(1 − q). An operator pays for the resources its subnet's
 * metric uses plus a fixed overhead per UID. Rewards are TAO × the TAO price P (USD), a geometric random
 * walk P ← P · exp(σ√Δ Z − σ²Δ/2) per decision of Δ days.
 *
 * <p><b>Each decision</b> (every D epochs), for each active operator: profit = rewards·P − running costs;
 * {@code exitAfterLosingDecisions} losses in a row → it leaves (its UIDs stay registered, score 0, and are
 * pruned first); a share f of a profit buys more of the subnet's main resource: x' = (x^β + f·profit/K)^(1/β).
 * Then the strategy acts:
 * <ul>
 * <li>ADAPTIVE estimates, for every subnet s, the profit it would make there as a proportional share of the
 * subnet's last miner emission M_s: M_s · R_s(o) / Σ_{o' on s} R_s(o') · P − costs − (when moving) the burn
 * of its UIDs, where R_s(o) = Σ_c w_{s,c} · resource_c(o) / mean_c is what s's metric rewards; it moves
 * when the best beats staying by {@code switchingInertia} × |staying|.</li>
 * <li>SYBIL evaluates the subnet's own reward curve on the noise-free scores of the other UIDs plus k
 * equal parts of itself (compute and storage split, quality copied) for k = 1 … maxSybilUids and keeps the k
 * with the best expected profit (per-UID overhead and new burns counted), with the same inertia.</li>
 * <li>SPECIALIST and CHEATER stay; any operator whose last UID was pruned registers again.</li>
 * </ul>
 * New operators arrive as a Poisson process (rate {@code arrivalsPerDay}), each on a uniformly drawn subnet
 * with an endowment drawn from that subnet's miners spec (an ADAPTIVE one then picks the best subnet).
 * Every registration pays the subnet's current {@link BurnPrice}. TAO issuance does not change: under a
 * market rule the TAO goes into the subnet's pool and the alpha it buys is removed
 * ({@link io.incentivelab.simulation.market.AlphaPool#burnRegistration}); under FIXED and EQUAL, which have
 * no pools, it is burned ({@link IssuanceTracker#burn}). {@code recycledTao} counts the TAO paid.
 */
final class Economy {

    /** Network-wide output keys, after part 1's. */
    static final List<String> KEYS = List.of(
            "operatorsActive", "operatorsEnteredPerDay", "operatorsExitedPerDay", "registrationsPerDay",
            "prunedPerDay", "sybilEmissionShare", "cheaterEmissionShare", "giniOperatorEmission", "taoPriceUsd",
            "meanBurnPriceTao", "recycledTao", "roiMedian", "roiP10", "roiP90", "roiNegativeShare");

    private final EconomicsSpec spec;
    private final CostSpec costs;
    private final SubnetRun[] runs;
    private final double beta;
    private final double epochsPerDay;
    private final SplittableRandom rng;
    private final long seed;
    private final List<Operator> all = new ArrayList<>();
    private final double[] reference = new double[3];
    private final RewardCurves[] curves;
    private final NormalDistribution normal = new NormalDistribution(null, 0, 1, 1e-12);
    private double price;
    private long recycledRao;
    private int entered;
    private int exited;
    private long block;
    private double[] pool;
    private double[] denom;
    private double days;

    // scratch for the sybil counterfactual
    private final double[] cs;
    private final double[] ts;
    private final double[] qs;
    private final double[] sc;
    private final double[] w;

    Economy(EconomicsSpec spec, SubnetRun[] runs, long seed, double epochsPerDay) {
        this.spec = spec;
        this.costs = spec.costs();
        this.runs = runs;
        this.beta = spec.scaleExponent();
        this.epochsPerDay = epochsPerDay;
        this.rng = new SplittableRandom(StreamSeeds.derive(seed, -1, StreamSeeds.ECONOMY));
        this.seed = seed;
        this.price = spec.taoPriceUsd();
        curves = new RewardCurves[runs.length];
        int maxM = 1;
        for (int s = 0; s < runs.length; s++) {
            all.addAll(runs[s].operators());
            maxM = Math.max(maxM, runs[s].minerSlots() + spec.maxSybilUids());
            curves[s] = runs[s].newCurves(runs[s].minerSlots() + spec.maxSybilUids());
        }
        cs = new double[maxM];
        ts = new double[maxM];
        qs = new double[maxM];
        sc = new double[maxM];
        w = new double[maxM];
        for (Operator op : all) {
            reference[0] += op.compute;
            reference[1] += op.storage;
            reference[2] += op.quality;
        }
        for (int r = 0; r < 3; r++) {
            reference[r] = all.isEmpty() || reference[r] <= 0 ? 1 : reference[r] / all.size();
        }
        for (Operator op : all) {
            op.capitalUsd = capitalValue(op, runs[op.subnet]);
        }
    }

    int nextId() {
        return all.size();
    }

    /** One decision of every operator, then arrivals, at the end of epoch {@code epochsDone}. */
    void decide(int epochsDone, long block, IssuanceTracker issuance) {
        this.block = block;
        double days = spec.decisionIntervalEpochs() / epochsPerDay;
        if (spec.taoPriceDailySigma() > 0) {
            double sig = spec.taoPriceDailySigma();
            price *= StrictMath.exp(sig * StrictMath.sqrt(days) * gaussian() - 0.5 * sig * sig * days);
        }
        this.days = days;
        pool = new double[runs.length];
        denom = new double[runs.length];
        for (int s = 0; s < runs.length; s++) {
            pool[s] = runs[s].payment().takeDecisionMinerRao() / (double) BlockEmission.RAO_PER_TAO;
            for (Operator op : runs[s].operators()) {
                denom[s] += runs[s].measurement().rewarded(op, reference);
            }
        }
        int count = all.size();
        for (int i = 0; i < count; i++) {
            Operator op = all.get(i);
            if (!op.active) {
                continue;
            }
            SubnetRun here = op.subnet >= 0 ? runs[op.subnet] : null;
            double revenue = op.earnedRao / (double) BlockEmission.RAO_PER_TAO * price;
            op.earnedRao = 0;
            double running = here == null ? 0 : runningPerDay(op, here, op.slots.length) * days;
            double profit = revenue - running;
            op.revenueUsd += revenue;
            op.runningUsd += running;
            op.losingStreak = profit < 0 || here == null ? op.losingStreak + 1 : 0;
            if (op.losingStreak >= spec.exitAfterLosingDecisions()) {
                leave(op, epochsDone, denom);
                continue;
            }
            if (profit > 0 && spec.reinvestFraction() > 0 && here != null) {
                double before = here.measurement().rewarded(op, reference);
                invest(op, here.measurement().mainResource(), profit * spec.reinvestFraction());
                denom[here.index] += here.measurement().rewarded(op, reference) - before;
            }
            switch (op.strategy) {
                case ADAPTIVE -> adapt(op, block, issuance, pool, denom, days);
                case SYBIL -> resizeSybil(op, block, issuance, pool, days);
                default -> {
                    if (here == null) {
                        registerOn(op, runs[homeOf(op)], 1, block, issuance);
                    }
                }
            }
        }
        arrivals(epochsDone, block, issuance, pool, denom, days);
        Set<Operator> seen = new HashSet<>();
        for (SubnetRun r : runs) {
            r.rebuild();
            r.checkConsistency();
            for (Operator op : r.operators()) {
                if (!seen.add(op)) {
                    throw new IllegalStateException("operator " + op.id + " on two subnets");
                }
            }
        }
    }

    private int homeOf(Operator op) {
        return op.home;
    }

    private void leave(Operator op, int epochsDone, double[] denom) {
        if (op.subnet >= 0) {
            SubnetRun r = runs[op.subnet];
            denom[r.index] -= r.measurement().rewarded(op, reference);
            r.population().countLeft();
            for (int j : op.slots.clone()) {
                r.abandon(j);
            }
        }
        op.active = false;
        op.exitedEpoch = epochsDone;
        exited++;
    }

    private void adapt(Operator op, long block, IssuanceTracker issuance, double[] pool, double[] denom, double days) {
        int cur = op.subnet;
        int k = Math.max(1, op.slots.length);
        double stay = cur >= 0 ? expectedProfit(op, cur, pool, denom, days, k, false) : Double.NEGATIVE_INFINITY;
        int best = cur;
        double bestProfit = stay;
        for (int s = 0; s < runs.length; s++) {
            if (s == cur) {
                continue;
            }
            double p = expectedProfit(op, s, pool, denom, days, k, true);
            if (p > bestProfit) {
                bestProfit = p;
                best = s;
            }
        }
        if (best < 0 || best == cur) {
            return;
        }
        if (cur >= 0 && bestProfit - stay <= spec.switchingInertia() * Math.abs(stay)) {
            return;
        }
        if (cur >= 0) {
            SubnetRun r = runs[cur];
            denom[cur] -= r.measurement().rewarded(op, reference);
            r.population().countLeft();
            for (int j : op.slots.clone()) {
                r.abandon(j);
            }
        }
        SubnetRun to = runs[best];
        to.population().countEntered();
        denom[best] += to.measurement().rewarded(op, reference);
        registerOn(op, to, k, block, issuance);
    }

    /** Profit per decision op expects on subnet s with k UIDs, USD (a proportional share of the last pool). */
    private double expectedProfit(Operator op, int s, double[] pool, double[] denom, double days, int k, boolean move) {
        SubnetRun r = runs[s];
        double mine = r.measurement().rewarded(op, reference);
        double total = denom[s] + (move ? mine : 0);
        double revenue = total > 0 ? pool[s] * mine / total * price : 0;
        double burn = move ? k * r.burn.priceTao(block) * price : 0;
        return revenue - runningPerDay(op, r, k) * days - burn;
    }

    private void resizeSybil(Operator op, long block, IssuanceTracker issuance, double[] pool, double days) {
        if (op.subnet < 0) {
            registerOn(op, runs[homeOf(op)], 1, block, issuance);
            return;
        }
        SubnetRun r = runs[op.subnet];
        int k = op.slots.length;
        int m = r.measurement().otherComponents(op, cs, ts, qs);
        double ownC = op.compute;
        double ownT = op.storage * (op.cheater ? r.measurement().overclaim() : 1);
        int cap = Math.min(spec.maxSybilUids(), r.minerSlots());
        double burnTao = r.burn.priceTao(block);
        double bestProfit = Double.NEGATIVE_INFINITY;
        double current = 0;
        int bestK = k;
        SybilShares shares = new SybilShares(r, curves[op.subnet], m);
        for (int kk = 1; kk <= cap; kk++) {
            double share = shares.share(ownC / kk, ownT / kk, op.quality, kk);
            double profit = share * pool[op.subnet] * price - costs.uidOverheadUsdPerDay() * kk * days
                    - Math.max(0, kk - k) * burnTao * price;
            if (kk == k) {
                current = profit;
            }
            if (profit > bestProfit) {
                bestProfit = profit;
                bestK = kk;
            }
        }
        if (bestK == k || bestProfit - current <= spec.switchingInertia() * Math.abs(current)) {
            return;
        }
        if (bestK > k) {
            registerOn(op, r, bestK - k, block, issuance);
        } else {
            int[] slots = op.slots;
            for (int x = slots.length - 1; x >= bestK; x--) {
                r.abandon(slots[x]);
            }
        }
    }

    /**
     * The share of the curve's weight that kk UIDs of (c, t, q) get among the m others in {@code cs}, {@code ts},
     * {@code qs}, for kk = 1, 2, … in turn. Each share is the one {@code curves.weights} gives over the m others
     * followed by the kk copies (all = the sum of every weight in UID order, own = the sum of the copies'), but
     * the others' scores are recomputed only when a maximum of (compute, storage, quality) changes, and for an
     * elementwise curve their weights and the running sum of them only when the largest score changes too; the
     * copies' weights are then one value added kk times, in the same order as before. WINNER_TAKE_ALL's share is 1
     * when a copy has the largest score (before the others' best) and 0 otherwise, as own / all gave it.
     */
    private final class SybilShares {
        private final SubnetMeasurement r;
        private final RewardCurves curve;
        private final int m;
        private final double omc;
        private final double omt;
        private final double omq;
        private boolean scored;
        private long mcBits;
        private long mtBits;
        private long mqBits;
        private double omax;
        private int obest;
        private boolean weighted;
        private double invDone;
        private double othersSum;

        SybilShares(SubnetRun r, RewardCurves curve, int m) {
            this.r = r.measurement();
            this.curve = curve;
            this.m = m;
            double mc = 0;
            double mt = 0;
            double mq = 0;
            for (int x = 0; x < m; x++) {
                mc = Math.max(mc, cs[x]);
                mt = Math.max(mt, ts[x]);
                mq = Math.max(mq, qs[x]);
            }
            // Math.max over a set does not depend on the order (NaN wins wherever it is), so the maxima with the
            // copies are Math.max(these, the copy's)
            omc = mc;
            omt = mt;
            omq = mq;
        }

        double share(double c, double t, double q, int kk) {
            double mc = Math.max(omc, c);
            double mt = Math.max(omt, t);
            double mq = Math.max(omq, q);
            if (!scored || Double.doubleToRawLongBits(mc) != mcBits || Double.doubleToRawLongBits(mt) != mtBits
                    || Double.doubleToRawLongBits(mq) != mqBits) {
                double max = 0;
                int best = -1;
                for (int x = 0; x < m; x++) {
                    double v = r.scoreOf(cs[x], ts[x], qs[x], mc, mt, mq);
                    sc[x] = v;
                    if (v > max) {
                        max = v;
                        best = x;
                    }
                }
                omax = max;
                obest = best;
                scored = true;
                weighted = false;
                mcBits = Double.doubleToRawLongBits(mc);
                mtBits = Double.doubleToRawLongBits(mt);
                mqBits = Double.doubleToRawLongBits(mq);
            }
            double own = r.scoreOf(c, t, q, mc, mt, mq);
            if (curve.winnerTakeAll()) {
                // w = 1 at the first largest positive score: all = 1, and own = 1 when that is the first copy
                return own > omax ? 1 : 0;
            }
            int total = m + kk;
            if (!curve.elementwise()) {
                for (int x = m; x < total; x++) {
                    sc[x] = own;
                }
                curve.weights(sc, total, w);
                double all = 0;
                double mine = 0;
                for (int x = 0; x < total; x++) {
                    all += w[x];
                    mine += x >= m ? w[x] : 0;
                }
                return all > 0 ? mine / all : 0;
            }
            // the largest score and the first UID with it, as curves.weights finds them
            double max = omax;
            int best = obest;
            if (own > max) {
                max = own;
                best = m;
            }
            if (best < 0) {
                return 0;
            }
            double inv = 1 / max;
            if (!weighted || inv != invDone) {
                curve.elementwise(sc, 0, m, inv, w);
                double sum = 0;
                for (int x = 0; x < m; x++) {
                    sum += w[x];
                }
                othersSum = sum;
                invDone = inv;
                weighted = true;
            }
            sc[m] = own;
            curve.elementwise(sc, m, m + 1, inv, w);
            double wOwn = w[m];
            double all = othersSum;
            double mine = 0;
            for (int x = 0; x < kk; x++) {
                all += wOwn;
                mine += wOwn;
            }
            return all > 0 ? mine / all : 0;
        }
    }

    private void arrivals(int epochsDone, long block, IssuanceTracker issuance, double[] pool, double[] denom,
                          double days) {
        int count = poisson(spec.arrivalsPerDay() * days);
        for (int a = 0; a < count; a++) {
            int s = rng.nextInt(runs.length);
            SubnetRun r = runs[s];
            Operator op = draw(r, epochsDone);
            all.add(op);
            entered++;
            op.home = s;
            if (op.strategy == Strategy.ADAPTIVE) {
                double best = Double.NEGATIVE_INFINITY;
                for (int x = 0; x < runs.length; x++) {
                    double p = expectedProfit(op, x, pool, denom, days, 1, true);
                    if (p > best) {
                        best = p;
                        s = x;
                    }
                }
                r = runs[s];
            }
            op.capitalUsd = capitalValue(op, r);
            if (registerOn(op, r, 1, block, issuance) == 0) {
                op.active = false;
                op.exitedEpoch = epochsDone;
                entered--;
                continue;
            }
            r.population().countEntered();
            denom[s] += r.measurement().rewarded(op, reference);
        }
    }

    /** A new operator with an endowment drawn from subnet r's miners spec (as part 1 draws its operators). */
    private Operator draw(SubnetRun r, int epochsDone) {
        MinersSpec ms = r.spec.miners();
        double[] u = new double[3];
        for (int i = 0; i < 3; i++) {
            u[i] = ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        }
        if (ms.placement() == Placement.STRONGEST_RESOURCE) {
            int strongest = r.measurement().mainResource();
            int arg = u[0] >= u[1] && u[0] >= u[2] ? 0 : u[1] >= u[2] ? 1 : 2;
            double t = u[strongest];
            u[strongest] = u[arg];
            u[arg] = t;
        }
        LogNormalSpec lc = ms.compute();
        LogNormalSpec ls = ms.storage();
        BetaSpec bq = ms.quality();
        double compute = lc.median() * StrictMath.exp(lc.sigma() * normal.inverseCumulativeProbability(u[0]));
        double storage = ls.median() * StrictMath.exp(ls.sigma() * normal.inverseCumulativeProbability(u[1]));
        double quality = Math.min(1 - 1e-9, Math.max(1e-9,
                new BetaDistribution(null, bq.alpha(), bq.beta(), 1e-12).inverseCumulativeProbability(u[2])));
        Strategy st = SubnetPopulation.drawStrategy(spec.strategies(), rng);
        Operator op = new Operator(all.size(), st, compute, storage, quality, epochsDone);
        op.cheater = st == Strategy.CHEATER;
        op.copier = st == Strategy.CHEATER;
        SubnetPopulation.drawHardware(op, ms, seed);
        return op;
    }

    /**
     * Registers up to k UIDs of op on r, each only while the burn is at most the expected revenue of one
     * UID over {@code registrationPaybackDays}; returns how many it registered.
     */
    private int registerOn(Operator op, SubnetRun r, int k, long block, IssuanceTracker issuance) {
        op.home = r.index;
        double mine = r.measurement().rewarded(op, reference);
        double total = denom[r.index] + (op.subnet == r.index ? 0 : mine);
        double perDay = total > 0 ? pool[r.index] * mine / total / days : 0;
        double affordable = perDay * spec.registrationPaybackDays() / Math.max(1, k + op.slotsOn(r.index));
        for (int x = 0; x < k; x++) {
            if (r.burn.priceTao(block) > affordable) {
                return x;
            }
            long rao = r.burn.register(block);
            // the chain swaps the burn for alpha and recycles the alpha; TAO issuance does not fall
            // (economics.md "2026 mechanics"; RAORecycledForRegistration is a counter)
            if (r.pool() != null) {
                r.pool().burnRegistration(rao);
            } else {
                issuance.burn(rao);
            }
            recycledRao += rao;
            op.burnUsd += rao / (double) BlockEmission.RAO_PER_TAO * price;
            r.register(op, block, r.spec.limits().immunityPeriodBlocks());
        }
        return k;
    }

    /** Buys {@code usd} more of a resource: x' = (x^β + usd/K)^(1/β), quality as odds. */
    private void invest(Operator op, int resource, double usd) {
        op.capitalUsd += usd;
        op.resourceVersion++;
        switch (resource) {
            case 0 -> op.compute = grow(op.compute, usd, costs.computeCapitalUsd());
            case 1 -> op.storage = grow(op.storage, usd, costs.storageCapitalUsd());
            default -> {
                double odds = grow(op.quality / (1 - op.quality), usd, costs.qualityCapitalUsd());
                op.quality = Math.min(1 - 1e-9, odds / (1 + odds));
            }
        }
    }

    private double grow(double x, double usd, double unitCapital) {
        if (!(unitCapital > 0)) {
            return x;
        }
        return StrictMath.pow(StrictMath.pow(x, beta) + usd / unitCapital, 1 / beta);
    }

    /** Running cost per day of op with k UIDs on subnet r, USD. */
    private double runningPerDay(Operator op, SubnetRun r, int k) {
        if (op.sizedAt != op.resourceVersion) {
            op.sized[0] = StrictMath.pow(op.compute, beta);
            op.sized[1] = StrictMath.pow(op.storage, beta);
            op.sized[2] = StrictMath.pow(op.quality / (1 - op.quality), beta);
            op.sizedAt = op.resourceVersion;
        }
        double c = costs.uidOverheadUsdPerDay() * k;
        SubnetMeasurement m = r.measurement();
        if (m.uses(0)) {
            c += costs.computeRunningUsdPerDay() * op.sized[0];
        }
        if (m.uses(1)) {
            c += costs.storageRunningUsdPerDay() * op.sized[1];
        }
        if (m.uses(2)) {
            c += costs.qualityRunningUsdPerDay() * op.sized[2];
        }
        return c;
    }

    /** What op's resources used on subnet r cost to buy, USD. */
    private double capitalValue(Operator op, SubnetRun r) {
        double c = 0;
        SubnetMeasurement m = r.measurement();
        if (m.uses(0)) {
            c += costs.computeCapitalUsd() * StrictMath.pow(op.compute, beta);
        }
        if (m.uses(1)) {
            c += costs.storageCapitalUsd() * StrictMath.pow(op.storage, beta);
        }
        if (m.uses(2)) {
            c += costs.qualityCapitalUsd() * StrictMath.pow(op.quality / (1 - op.quality), beta);
        }
        return c;
    }

    private double gaussian() {
        double u1 = ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /**
     * Before the subnets sample: each subnet's ROI quantiles of its operators; then writes the network keys
     * for the interval of {@code intervalEpochs} into {@code out[offset …]}.
     */
    void sample(double[] out, int offset, int intervalEpochs, long block) {
        double perDay = epochsPerDay / intervalEpochs;
        List<Double> rois = new ArrayList<>();
        for (SubnetRun r : runs) {
            List<Operator> ops = r.operators();
            double[] x = new double[ops.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = ops.get(i).roi();
                rois.add(x[i]);
            }
            double[] q = new double[4];
            quantiles(x, q);
            r.sampler().setRoiQuantiles(q);
        }
        double[] emission = new double[all.size()];
        double total = 0;
        double sybil = 0;
        double cheat = 0;
        int active = 0;
        for (int i = 0; i < all.size(); i++) {
            Operator op = all.get(i);
            active += op.active ? 1 : 0;
            emission[i] = op.sampleRao / (double) BlockEmission.RAO_PER_TAO;
            total += emission[i];
            sybil += op.strategy == Strategy.SYBIL ? emission[i] : 0;
            cheat += op.cheater || op.copier ? emission[i] : 0;
        }
        int regs = 0;
        int pruned = 0;
        double burn = 0;
        for (SubnetRun r : runs) {
            regs += r.population().registrations();
            pruned += r.population().pruned();
            burn += r.burn.priceTao(block);
        }
        double[] roiArr = new double[rois.size()];
        for (int i = 0; i < roiArr.length; i++) {
            roiArr[i] = rois.get(i);
        }
        double[] q = new double[4];
        quantiles(roiArr, q);
        int i = offset;
        out[i++] = active;
        out[i++] = entered * perDay;
        out[i++] = exited * perDay;
        out[i++] = regs * perDay;
        out[i++] = pruned * perDay;
        out[i++] = total > 0 ? sybil / total : 0;
        out[i++] = total > 0 ? cheat / total : 0;
        out[i++] = Concentration.gini(emission);
        out[i++] = price;
        out[i++] = burn / runs.length;
        out[i++] = recycledRao / (double) BlockEmission.RAO_PER_TAO;
        for (double v : q) {
            out[i++] = v;
        }
        entered = 0;
        exited = 0;
    }

    /** Median, p10, p90 and the share below 0, into q (zeros when x is empty). */
    static void quantiles(double[] x, double[] q) {
        if (x.length == 0) {
            Arrays.fill(q, 0);
            return;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        q[0] = quantile(s, 0.5);
        q[1] = quantile(s, 0.1);
        q[2] = quantile(s, 0.9);
        int neg = 0;
        for (double v : s) {
            neg += v < 0 ? 1 : 0;
        }
        q[3] = neg / (double) s.length;
    }

    private static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    long recycledRao() {
        return recycledRao;
    }

    double price() {
        return price;
    }
}
