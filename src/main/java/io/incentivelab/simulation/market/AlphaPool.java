package io.incentivelab.simulation.market;

import io.incentivelab.simulation.emission.BlockEmission;

/**
 * One subnet's alpha market (economics.md §3a, "2026 mechanics"): a protocol-owned pool of TAO and alpha
 * with the Balancer weights at their 0.5/0.5 start, i.e. constant product {@code τ·α = k}, no swap fee; the
 * alpha held by participants ("outstanding"); the alpha removed from circulation ("recycled": bought by the
 * chain with excess emission or with registration burns). Amounts are integers in rao (10⁹ per TAO, and
 * likewise per alpha); swaps floor what they pay out, so {@code k} never falls. Mutable, one per subnet
 * per run, used from one thread.
 *
 * <p><b>Per block</b> ({@link #injectBlock}): alpha emission {@code A = E(alpha issuance)} with the TAO
 * halving curve keyed on this subnet's alpha issuance (reserve + outstanding; recycled alpha lowers it);
 * {@code alpha_in = min(T/p, cap)} with {@code p} the spot price, {@code T} the subnet's TAO emission and
 * {@code cap = rootProp·A} (the 2026 rule, economics.md §3a) or {@code A} (before June 2026);
 * {@code tao_in = alpha_in·p} goes into the reserves with alpha_in (price unchanged); the excess
 * {@code T − tao_in} buys alpha from the pool ("chain buy") and that alpha is recycled; {@code alpha_out = A}
 * is minted for the participants (owner, miners, validators, root), returned to the caller and counted as
 * outstanding. TAO issuance rises by all of T (subtensor {@code inject_and_maybe_swap} adds tao_in and the
 * excess), and all of T ends in the pool's TAO reserve.
 *
 * <p><b>Moving price</b> ({@link #updateMovingPrice}): {@code p̄ ← a·min(p, 1) + (1 − a)·p̄} with
 * {@code a = baseAlpha·b/(b + H)}, b = blocks since the subnet started emitting, H = the EMA halving blocks
 * (subtensor {@code update_moving_price}; defaults 0.000003 and 201,600).
 */
public final class AlphaPool {

    /** What one block's injection did, in rao. */
    public record Injection(long taoIn, long alphaIn, long excessTao, long boughtAlpha, long alphaOut) {
    }

    private long taoReserve;
    private long alphaReserve;
    private long alphaOutstanding;
    private long alphaRecycled;
    private double movingPrice;
    private long blocksSinceStart;
    // running totals
    private long taoInjected;
    private long taoChainBuys;
    private long alphaInjected;
    private long alphaMintedOut;
    private long taoFromRegistrations;
    // the last injected block
    private long lastTaoIn;
    private long lastAlphaIn;
    private long lastExcess;
    private long lastBought;

    /**
     * @param taoReserveRao    TAO in the pool at the start, rao, &gt; 0
     * @param alphaReserveRao  alpha in the pool at the start, rao, &gt; 0
     * @param alphaOutstanding alpha held by participants at the start, rao, ≥ 0
     * @param blocksSinceStart blocks since the subnet's first emission (ages the moving-price rate), ≥ 0
     */
    public AlphaPool(long taoReserveRao, long alphaReserveRao, long alphaOutstanding, long blocksSinceStart) {
        if (taoReserveRao <= 0 || alphaReserveRao <= 0) {
            throw new IllegalArgumentException("pool reserves must be > 0: tao " + taoReserveRao + ", alpha "
                    + alphaReserveRao);
        }
        if (alphaOutstanding < 0 || blocksSinceStart < 0) {
            throw new IllegalArgumentException("alpha outstanding and blocks since start must be >= 0");
        }
        this.taoReserve = taoReserveRao;
        this.alphaReserve = alphaReserveRao;
        this.alphaOutstanding = alphaOutstanding;
        this.blocksSinceStart = blocksSinceStart;
        this.movingPrice = Math.min(price(), 1.0);
    }

    /** Spot price, TAO per alpha: τ/α. */
    public double price() {
        return (double) taoReserve / alphaReserve;
    }

    /** The moving (EMA) price. */
    public double movingPrice() {
        return movingPrice;
    }

    /** Sets the moving price (a scenario's starting state). */
    public void setMovingPrice(double p) {
        if (!(p >= 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("moving price must be >= 0: " + p);
        }
        movingPrice = p;
    }

    public long taoReserve() {
        return taoReserve;
    }

    public long alphaReserve() {
        return alphaReserve;
    }

    public long alphaOutstanding() {
        return alphaOutstanding;
    }

    public long alphaRecycled() {
        return alphaRecycled;
    }

    /** Alpha issuance as the chain keys the alpha halvings on it: reserve + outstanding. */
    public long alphaIssuance() {
        return alphaReserve + alphaOutstanding;
    }

    public long taoInjected() {
        return taoInjected;
    }

    public long taoChainBuys() {
        return taoChainBuys;
    }

    public long alphaInjected() {
        return alphaInjected;
    }

    public long alphaMintedOut() {
        return alphaMintedOut;
    }

    public long taoFromRegistrations() {
        return taoFromRegistrations;
    }

    public long blocksSinceStart() {
        return blocksSinceStart;
    }

    /** Alpha a buy of {@code taoIn} rao would pay out: {@code floor(α·Δτ/(τ + Δτ))}, without changing the pool. */
    public long quoteBuy(long taoIn) {
        requireNonNegative(taoIn, "tao in");
        return (long) Math.floor((double) alphaReserve * taoIn / ((double) taoReserve + taoIn));
    }

    /** TAO a sale of {@code alphaIn} rao would pay out: {@code floor(τ·Δα/(α + Δα))}. */
    public long quoteSell(long alphaIn) {
        requireNonNegative(alphaIn, "alpha in");
        return (long) Math.floor((double) taoReserve * alphaIn / ((double) alphaReserve + alphaIn));
    }

    /** Swaps TAO into the pool for alpha (constant product, no fee); the alpha leaves the pool. */
    private long swapTaoForAlpha(long taoIn) {
        long out = Math.min(quoteBuy(taoIn), alphaReserve - 1);
        taoReserve += taoIn;
        alphaReserve -= out;
        return out;
    }

    /** A participant stakes {@code taoIn} rao: the alpha bought becomes outstanding. */
    public long stake(long taoIn) {
        long out = swapTaoForAlpha(taoIn);
        alphaOutstanding += out;
        return out;
    }

    /** A participant unstakes {@code alphaIn} rao of outstanding alpha and receives the TAO returned. */
    public long unstake(long alphaIn) {
        requireNonNegative(alphaIn, "alpha in");
        if (alphaIn > alphaOutstanding) {
            throw new IllegalArgumentException("cannot sell " + alphaIn + " alpha rao; outstanding " + alphaOutstanding);
        }
        long out = Math.min(quoteSell(alphaIn), taoReserve - 1);
        alphaReserve += alphaIn;
        taoReserve -= out;
        alphaOutstanding -= alphaIn;
        return out;
    }

    /**
     * A registration burn (economics.md "2026 mechanics"): the TAO goes into the pool, the alpha it buys is
     * removed (recycled). TAO issuance is not touched.
     *
     * @return the alpha removed, rao
     */
    public long burnRegistration(long taoRao) {
        long out = swapTaoForAlpha(taoRao);
        alphaRecycled += out;
        taoFromRegistrations += taoRao;
        return out;
    }

    /** Alpha outstanding leaves circulation (owner-hotkey miner incentive burned or recycled). */
    public void recycleOutstanding(long alphaRao) {
        requireNonNegative(alphaRao, "alpha");
        if (alphaRao > alphaOutstanding) {
            throw new IllegalArgumentException("cannot recycle " + alphaRao + " alpha rao; outstanding "
                    + alphaOutstanding);
        }
        alphaOutstanding -= alphaRao;
        alphaRecycled += alphaRao;
    }

    /**
     * One block's injection.
     *
     * @param taoEmissionRao this subnet's TAO emission of the block, rao
     * @param rootProp       {@code w·τ_root/(w·τ_root + alpha issuance)} in [0, 1]; used when {@code rootCap}
     * @param rootCap        true: cap alpha_in at rootProp·A (2026); false: at A
     */
    public Injection injectBlock(long taoEmissionRao, double rootProp, boolean rootCap) {
        long alphaOut = injectBlockRao(taoEmissionRao, rootProp, rootCap);
        return new Injection(lastTaoIn, lastAlphaIn, lastExcess, lastBought, alphaOut);
    }

    /**
     * As {@link #injectBlock}, without building the record (the engine's per-block path): returns alpha_out;
     * the block's excess TAO (chain buy) is {@link #lastExcessTao()}.
     */
    public long injectBlockRao(long taoEmissionRao, double rootProp, boolean rootCap) {
        requireNonNegative(taoEmissionRao, "tao emission");
        long alphaEmission = BlockEmission.forIssuance(alphaIssuance());
        double p = price();
        double cap = rootCap ? Math.max(0, Math.min(1, rootProp)) * alphaEmission : alphaEmission;
        long alphaIn;
        long taoIn;
        // T/p > cap for sure when T exceeds cap·p by far more than rounding: skip the division (same branch taken)
        double wanted = taoEmissionRao > cap * p * (1 + 1e-9) ? Double.POSITIVE_INFINITY : taoEmissionRao / p;
        if (wanted <= cap) {
            alphaIn = (long) Math.floor(wanted);
            taoIn = taoEmissionRao;
        } else {
            alphaIn = (long) Math.floor(cap);
            taoIn = Math.min(taoEmissionRao, (long) Math.floor(alphaIn * p));
        }
        taoReserve += taoIn;
        alphaReserve += alphaIn;
        long excess = taoEmissionRao - taoIn;
        long bought = 0;
        if (excess > 0) {
            bought = swapTaoForAlpha(excess);
            alphaRecycled += bought;
        }
        alphaOutstanding += alphaEmission;
        taoInjected += taoIn;
        taoChainBuys += excess;
        alphaInjected += alphaIn;
        alphaMintedOut += alphaEmission;
        lastTaoIn = taoIn;
        lastAlphaIn = alphaIn;
        lastExcess = excess;
        lastBought = bought;
        return alphaEmission;
    }

    /** The excess TAO of the last injected block, rao (bought alpha with and recycled it). */
    public long lastExcessTao() {
        return lastExcess;
    }

    /**
     * Advances the moving price by one block: {@code p̄ ← a·min(p, 1) + (1 − a)·p̄},
     * {@code a = baseAlpha·b/(b + halvingBlocks)}, then counts the block.
     */
    public void updateMovingPrice(double baseAlpha, long halvingBlocks) {
        updateMovingPrice(emaRate(baseAlpha, halvingBlocks, blocksSinceStart + 1));
    }

    /** The moving-price EMA rate at block age {@code b} (after the increment): baseAlpha·b/(b + H). */
    public static double emaRate(double baseAlpha, long halvingBlocks, long blockAge) {
        double b = blockAge;
        return baseAlpha * b / (b + halvingBlocks);
    }

    /**
     * As {@link #updateMovingPrice(double, long)} with the rate already computed for this pool's next block age
     * ({@link #emaRate} at {@code blocksSinceStart() + 1}), so pools of the same age share one computation.
     */
    public void updateMovingPrice(double rate) {
        blocksSinceStart++;
        movingPrice = rate * Math.min(price(), 1.0) + (1 - rate) * movingPrice;
    }

    private static void requireNonNegative(long v, String what) {
        if (v < 0) {
            throw new IllegalArgumentException(what + " must be >= 0: " + v);
        }
    }
}
