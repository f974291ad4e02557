package io.incentivelab.simulation.model;

/**
 * Time and emission (model.md §1–2). One block is 12 s; every subnet runs an epoch every {@code tempo}
 * blocks (7200 / tempo epochs a day). Block emission follows the chain's issuance rule
 * E(I) = 1 TAO · 2^(−floor(log2(1/(1 − I/21M)))) [subtensor block_emission.rs].
 */
public record NetworkSpec(
        @Field(doc = "Horizon in days (used when horizonEpochs is 0).", def = "30", min = 0, minExclusive = true,
                max = ScenarioLimits.MAX_HORIZON_DAYS) double horizonDays,
        @Field(doc = "Horizon in epochs; 0 = derive from horizonDays.", def = "0", min = 0,
                max = ScenarioLimits.MAX_HORIZON_EPOCHS) int horizonEpochs,
        @Field(doc = "Blocks per epoch (the chain's tempo; 360 = 72 minutes).", def = "360", min = 1, max = 50_400)
        int tempo,
        @Field(doc = "TAO issued before the run starts. Default: the first halving (10.5M, Dec 2025) plus"
                + " about 340 days at 3,600 TAO/day, i.e. late 2026 (block emission 0.5 TAO).",
                def = "11700000", min = 0, max = ScenarioLimits.TAO_CAP) double startIssuanceTao,
        @Field(doc = "Split of block emission across subnets: FIXED (by each subnet's emissionShare), EQUAL, or"
                + " the market rules PRICE_EMA (moving alpha price × (1 − miner burned), gated) and FLOW (net TAO"
                + " flow EMA), which pay alpha from per-subnet pools (docs/alpha-market.md).",
                def = "\"EQUAL\"") EmissionSplit emissionSplit,
        @Field(doc = "Subnet owner's cut of the subnet's emission (chain: 11796/65535 = 18%).", def = "0.18",
                min = 0, max = 1) double ownerShare,
        @Field(doc = "Miners' share, paid by Yuma incentive (41%). The three shares must sum to 1.", def = "0.41",
                min = 0, max = 1) double minerShare,
        @Field(doc = "Validators' share, paid by Yuma dividends (41%).", def = "0.41", min = 0, max = 1)
        double validatorShare,
        @Field(doc = "Outputs are sampled every this many epochs (and at the last epoch).", def = "20", min = 1,
                max = ScenarioLimits.MAX_HORIZON_EPOCHS) int sampleEveryEpochs,
        @Field(label = "Alpha market", doc = "The alpha market's network-wide parameters (used by PRICE_EMA and FLOW).", def = "{}")
        MarketSpec market) {

    public NetworkSpec {
        if (market == null) {
            market = MarketSpec.defaults();
        }
    }

    /** A network with the default market fields. */
    public NetworkSpec(double horizonDays, int horizonEpochs, int tempo, double startIssuanceTao,
                       EmissionSplit emissionSplit, double ownerShare, double minerShare, double validatorShare,
                       int sampleEveryEpochs) {
        this(horizonDays, horizonEpochs, tempo, startIssuanceTao, emissionSplit, ownerShare, minerShare,
                validatorShare, sampleEveryEpochs, MarketSpec.defaults());
    }

    /** True when the split is a market rule (PRICE_EMA or FLOW): pools, alpha payouts, prices. */
    public boolean marketRule() {
        return emissionSplit == EmissionSplit.PRICE_EMA || emissionSplit == EmissionSplit.FLOW;
    }

    /** Blocks per day at 12 s a block. */
    public static final int BLOCKS_PER_DAY = 7200;

    /** The number of epochs the run lasts. */
    public int effectiveHorizonEpochs() {
        if (horizonEpochs > 0) {
            return horizonEpochs;
        }
        return (int) Math.max(1, Math.round(horizonDays * epochsPerDay()));
    }

    /** Epochs per day, 7200 / tempo. */
    public double epochsPerDay() {
        return (double) BLOCKS_PER_DAY / tempo;
    }
}
