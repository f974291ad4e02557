package io.incentivelab.simulation;

import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.IssuanceTracker;
import io.incentivelab.simulation.market.AlphaPool;
import io.incentivelab.simulation.market.EmissionShares;
import io.incentivelab.simulation.model.EmissionSplit;
import io.incentivelab.simulation.model.GateMode;
import io.incentivelab.simulation.model.InjectionCap;
import io.incentivelab.simulation.model.MarketSpec;
import io.incentivelab.simulation.model.NetworkSpec;
import io.incentivelab.simulation.model.SubnetMarketSpec;
import java.util.Arrays;

/**
 * The alpha market of one run under PRICE_EMA or FLOW (docs/alpha-market.md), on the run's thread in
 * subnet order, so results do not depend on the thread count.
 *
 * <p><b>Each epoch</b>, before the subnets step: the shares are set once from the state at the epoch's start
 * (the chain sets them every block; over one tempo a moving price moves by at most ~0.1 %): PRICE_EMA's
 * demand p̄(1 − b) with b = the subnet's owner-burn fraction of its last epoch's miner pot when the burn
 * factor is on, or FLOW's clipped net-flow EMA; then the gate with its bar recomputed whenever the epoch
 * crosses a multiple of 360 blocks. Then {@code tempo} blocks: each mints its emission E, gives subnet s
 * {@code floor(E·e_s)} rao, injects it ({@link AlphaPool#injectBlock}, cap by {@code injectionCap}, root_prop
 * = w·τ_root/(w·τ_root + alpha issuance)) and advances the moving price. The alpha minted for participants
 * over the epoch is valued at the pool's spot price at the epoch's end and paid by the subnet's usual split
 * (owner 18 %, miners, validators with root_prop × ½ of the validator part as the root share).
 *
 * <p><b>After the subnets step</b>, per subnet: miner incentive burned on the owner's hotkeys leaves
 * circulation; miners sell alpha (honest ones {@code minerSellFraction} of what they earned, cheaters and
 * copiers {@code cheaterSellFraction}); the root share is sold for TAO when Σ p̄ &gt; 1 and recycled
 * otherwise (root sell flag). The validators keep {@code validatorTake} of the alpha dividends (the take, on stake
 * treated as all delegated; it stays staked) and their nominators get the rest. Then stakers move: with
 * y_s = nominators' alpha paid / alpha outstanding and ȳ its
 * mean weighted by staked value V_s = outstanding × price, subnet s receives
 * {@code r·Δdays·V_s·(y_s/ȳ − 1)} TAO of stake (negative: unstaked), a rotation that sums to zero. The net
 * user flow (stakes − unstakes − miners' and root sales, in TAO) feeds FLOW's EMA over the next epoch.
 */
final class Market {

    private final MarketSpec spec;
    private final EmissionSplit rule;
    private final SubnetRun[] runs;
    final AlphaPool[] pools;
    private final double[] minerSell;
    private final double[] take;
    private final double[] movingPrice;
    private final double[] burned;
    private final double[] flowEma;
    private final double[] userFlowPerBlock;
    private final double[] demand;
    final double[] shares;
    private final double[] rootProp;
    private final long[] blockEmission;
    private final long emaHalvingBlocks;
    private final double[] sharedRates;
    private long sharedAge = -1;
    private final double daysPerEpoch;
    private final int tempo;
    private double theta;
    private long barBlock = Long.MIN_VALUE;
    /** The chain block of the current network step's first block. */
    private long firstBlock;
    /** Per subnet: alpha for participants injected since the subnet's last epoch (paid at its next). */
    private final long[] carryAlpha;

    Market(NetworkSpec net, SubnetRun[] runs) {
        this.spec = net.market();
        this.rule = net.emissionSplit();
        this.runs = runs;
        this.tempo = net.tempo();
        this.daysPerEpoch = 1 / net.epochsPerDay();
        int n = runs.length;
        pools = new AlphaPool[n];
        carryAlpha = new long[n];
        minerSell = new double[n];
        take = new double[n];
        movingPrice = new double[n];
        burned = new double[n];
        flowEma = new double[n];
        userFlowPerBlock = new double[n];
        demand = new double[n];
        shares = new double[n];
        rootProp = new double[n];
        blockEmission = new long[tempo];
        emaHalvingBlocks = Math.round(spec.priceEmaHalvingBlocks());
        sharedRates = new double[tempo];
        for (int s = 0; s < n; s++) {
            SubnetMarketSpec m = runs[s].spec.market();
            pools[s] = new AlphaPool(rao(m.poolTao()), rao(m.poolAlpha()), rao(m.alphaOutstanding()),
                    Math.round(m.ageBlocks()));
            if (m.movingPrice() > 0) {
                pools[s].setMovingPrice(m.movingPrice());
            }
            runs[s].joinMarket(pools[s], m.ownerBurnFraction());
            minerSell[s] = m.minerSellFraction();
            take[s] = m.validatorTake();
        }
    }

    private static long rao(double units) {
        return Math.round(units * BlockEmission.RAO_PER_TAO);
    }

    /** root_prop of subnet s now. */
    double rootProportion(int s) {
        double root = spec.taoWeight() * spec.rootStakeTao() * BlockEmission.RAO_PER_TAO;
        double alpha = pools[s].alphaIssuance();
        return root + alpha > 0 ? root / (root + alpha) : 0;
    }

    /**
     * Starts an epoch on the run's thread: sets the shares (and the gate's bar) from the state at the epoch's
     * start, mints the epoch's {@code tempo} blocks of TAO and fixes each subnet's root_prop. The pools receive
     * their blocks in {@link #injectSubnet}, one subnet at a time, on any thread.
     *
     * @param firstBlock the chain block of the epoch's first block
     * @return TAO minted over the epoch, rao
     */
    long beginEpoch(IssuanceTracker issuance, long firstBlock) {
        int n = runs.length;
        if (rule == EmissionSplit.PRICE_EMA) {
            for (int s = 0; s < n; s++) {
                movingPrice[s] = pools[s].movingPrice();
            }
            EmissionShares.priceDemand(movingPrice, burned, spec.burnFactor(), demand);
        } else {
            EmissionShares.flowShares(flowEma, spec.flowCutoff(), spec.flowExponent(), demand);
            double sum = 0;
            for (double d : demand) {
                sum += d;
            }
            if (!(sum > 0)) {
                Arrays.fill(demand, 1.0 / n); // nobody has positive flow yet: equal shares (ours)
            }
        }
        if (spec.gate() == GateMode.OFF) {
            System.arraycopy(demand, 0, shares, 0, n);
        } else {
            long bar = Math.floorDiv(firstBlock + tempo - 1, EmissionShares.BAR_INTERVAL_BLOCKS);
            if (bar != barBlock) {
                theta = spec.gate() == GateMode.RANK ? EmissionShares.barByRank(demand, spec.barRank())
                        : EmissionShares.barByQuantile(demand, spec.barQuantile());
                barBlock = bar;
            }
            EmissionShares.gated(demand, theta, spec.gateExponent(), shares);
        }
        for (int s = 0; s < n; s++) {
            rootProp[s] = rootProportion(s);
        }
        this.firstBlock = firstBlock;
        long minted = 0;
        for (int b = 0; b < tempo; b++) {
            blockEmission[b] = issuance.mintBlock();
            minted += blockEmission[b];
        }
        // the EMA rates of the epoch's blocks for pools at the first pool's age (usually all of them)
        sharedAge = n == 0 ? -1 : pools[0].blocksSinceStart();
        for (int b = 0; b < tempo; b++) {
            sharedRates[b] = AlphaPool.emaRate(spec.priceEmaAlpha(), emaHalvingBlocks, sharedAge + 1 + b);
        }
        return minted;
    }

    /**
     * Injects the step's blocks into subnet s's pool, block by block as the chain does, and advances its moving
     * price. At each of the subnet's epochs among these blocks ({@code block % tempo_s == 0}) the alpha for
     * participants injected since its last epoch is valued at the pool's spot price then and scheduled as that
     * epoch's payment ({@link SubnetRun#dueEpoch}); what accrues after the last carries to the next step.
     * Touches only subnet s, so subnets may be injected on different threads with the same result.
     *
     * @param subnetTao receives the subnet's TAO emission over the step, rao
     */
    void injectSubnet(int s, long[] subnetTao) {
        AlphaPool pool = pools[s];
        SubnetRun run = runs[s];
        boolean rootCap = spec.injectionCap() == InjectionCap.ROOT_PROPORTION;
        boolean flow = rule == EmissionSplit.FLOW;
        double share = shares[s];
        double prop = rootProp[s];
        double emaAlpha = spec.priceEmaAlpha();
        long halving = emaHalvingBlocks;
        long pending = carryAlpha[s];
        long tao = 0;
        long chainBuy = 0;
        boolean shared = pool.blocksSinceStart() == sharedAge;
        int subnetTempo = run.tempo();
        long nextEpoch = Math.floorDiv(firstBlock + subnetTempo - 1, subnetTempo) * subnetTempo;
        run.clearDue();
        for (int b = 0; b < tempo; b++) {
            long t = (long) Math.floor(blockEmission[b] * share);
            pending += pool.injectBlockRao(t, prop, rootCap);
            chainBuy += pool.lastExcessTao();
            tao += t;
            if (shared) {
                pool.updateMovingPrice(sharedRates[b]);
            } else {
                pool.updateMovingPrice(emaAlpha, halving);
            }
            if (flow) {
                flowEma[s] = EmissionShares.flowEmaStep(flowEma[s], userFlowPerBlock[s], spec.flowEmaRate());
            }
            if (firstBlock + b == nextEpoch) {
                run.dueEpoch(nextEpoch, (long) Math.floor(pending * pool.price()));
                pending = 0;
                nextEpoch += subnetTempo;
            }
        }
        carryAlpha[s] = pending;
        run.sampler().addChainBuy(chainBuy);
        subnetTao[s] = tao;
        run.payment().setRootProportion(prop);
    }

    /** After the subnets stepped: burns, miners' and root sales, stakers moving toward yield. */
    void afterEpoch() {
        int n = runs.length;
        boolean rootSell = 0 < n && sumMovingPrice() > 1;
        double[] value = new double[n];
        double[] yield = new double[n];
        double totalValue = 0;
        double weighted = 0;
        for (int s = 0; s < n; s++) {
            SubnetPayment r = runs[s].payment();
            SubnetSampler sampler = runs[s].sampler();
            AlphaPool pool = pools[s];
            double p = pool.price();
            double flow = 0;
            long burnAlpha = Math.min(pool.alphaOutstanding(), (long) Math.floor(r.step().burned() / p));
            pool.recycleOutstanding(burnAlpha);
            long minerTotal = r.step().miners() + r.step().burned();
            burned[s] = minerTotal > 0 ? r.step().burned() / (double) minerTotal : 0;
            double soldValue = (r.step().miners() - r.step().cheat()) * minerSell[s]
                    + r.step().cheat() * spec.cheaterSellFraction();
            long sell = Math.min(pool.alphaOutstanding(), (long) Math.floor(soldValue / p));
            if (sell > 0) {
                flow -= pool.unstake(sell);
                sampler.addAlphaSold(sell);
            }
            long rootAlpha = Math.min(pool.alphaOutstanding(), (long) Math.floor(Math.min(r.step().root(),
                    r.step().validators()) / p));
            if (rootAlpha > 0) {
                if (rootSell) {
                    flow -= pool.unstake(rootAlpha);
                } else {
                    pool.recycleOutstanding(rootAlpha);
                }
            }
            long alphaDividends = r.step().validators() - Math.min(r.step().root(), r.step().validators());
            long takeRao = (long) Math.floor(alphaDividends * take[s]);
            sampler.addValidatorTake(takeRao);
            double nominatorAlpha = (alphaDividends - takeRao) / p;
            double out = pool.alphaOutstanding();
            yield[s] = out > 0 ? nominatorAlpha / out : 0;
            value[s] = out * pool.price();
            totalValue += value[s];
            weighted += yield[s] * value[s];
            userFlowPerBlock[s] = flow;
        }
        double mean = totalValue > 0 ? weighted / totalValue : 0;
        double rate = spec.stakerResponsePerDay() * daysPerEpoch;
        for (int s = 0; s < n; s++) {
            AlphaPool pool = pools[s];
            double move = mean > 0 ? rate * value[s] * (yield[s] / mean - 1) : 0;
            if (move > 0) {
                long tao = (long) Math.floor(move);
                pool.stake(tao);
                userFlowPerBlock[s] += tao;
            } else if (move < 0) {
                long alpha = Math.min(pool.alphaOutstanding(), (long) Math.floor(-move / pool.price()));
                if (alpha > 0) {
                    userFlowPerBlock[s] -= pool.unstake(alpha);
                }
            }
            userFlowPerBlock[s] /= tempo * (double) BlockEmission.RAO_PER_TAO;
        }
    }

    /** Alpha injected for participants of subnet s since its last epoch, not yet paid. */
    long pendingAlpha(int s) {
        return carryAlpha[s];
    }

    private double sumMovingPrice() {
        double sum = 0;
        for (AlphaPool p : pools) {
            sum += p.movingPrice();
        }
        return sum;
    }
}
