package io.incentivelab.simulation.model;

/**
 * Network-wide parameters of the alpha market, used when {@code network.emissionSplit} is PRICE_EMA or FLOW
 * (docs/alpha-market.md; economics.md §2b–§3b, "2026 mechanics"). Defaults are the chain's.
 */
public record MarketSpec(
        @Field(label = "Moving-price EMA base rate", unit = "per block", doc = "SubnetMovingAlpha: base rate of the moving-price EMA per block (chain 0.000003).",
                def = "0.000003", min = 0, max = 1) double priceEmaAlpha,
        @Field(label = "EMA price halving period", unit = "blocks", doc = "EMAPriceHalvingBlocks H: the EMA rate is priceEmaAlpha·b/(b+H), b = blocks since the"
                + " subnet started (chain 201,600 ≈ 4 weeks).", def = "201600", min = 0, max = 1e9)
        double priceEmaHalvingBlocks,
        @Field(label = "Burn factor on the emission share", doc = "Multiply each subnet's price demand by (1 − the share of its miner incentive burned by"
                + " the owner) (PR #2781; off between PR #3057 and #3071).", def = "true") boolean burnFactor,
        @Field(label = "Emission gate", doc = "Emission gate: RANK (bar = the barRank-th largest share, spec 441+), QUANTILE (spec 440)"
                + " or OFF.", def = "\"RANK\"") GateMode gate,
        @Field(label = "Gate bar rank N", unit = "subnets", doc = "EmissionBarRank N (chain 32).", def = "32", min = 1, max = 128) int barRank,
        @Field(label = "Gate bar quantile q", unit = "0–1", doc = "EmissionBarQuantile q (spec 440: 0.61).", def = "0.61", min = 0, minExclusive = true, max = 1)
        double barQuantile,
        @Field(label = "Gate exponent h", doc = "EmissionGateExponent h of 1/(1+(θ/s)^h) (chain 3, sudo range 1–8).", def = "3", min = 1,
                max = 8) double gateExponent,
        @Field(label = "Injection cap", doc = "Cap on a block's alpha injection: ROOT_PROPORTION (root_prop × alpha emission, 2026) or"
                + " ALPHA_EMISSION (before June 2026).", def = "\"ROOT_PROPORTION\"") InjectionCap injectionCap,
        @Field(label = "TAO weight of root stake", unit = "0–1", doc = "TaoWeight w: root stake counts w× in root_prop = w·τ_root/(w·τ_root + alpha issuance)"
                + " (chain 0.18).", def = "0.18", min = 0, max = 1) double taoWeight,
        @Field(label = "Root stake", unit = "TAO", doc = "TAO staked on root network-wide, τ_root (indicative; sets root_prop and the root share"
                + " of validator dividends).", def = "5000000", min = 0, max = ScenarioLimits.TAO_CAP)
        double rootStakeTao,
        @Field(label = "FLOW: EMA rate", unit = "per block", doc = "FLOW: per-block rate of the net-flow EMA (chain 29,597,889,189,277/2^63 ≈ 3.209e-6, a"
                + " 30-day half-life).", def = "0.000003209", min = 0, minExclusive = true, max = 1) double flowEmaRate,
        @Field(label = "FLOW: cutoff", unit = "TAO per block", doc = "FLOW: TaoFlowCutoff, TAO per block (chain 0: negative-flow subnets get nothing).",
                def = "0", min = -1e6, max = 1e6) double flowCutoff,
        @Field(label = "FLOW: exponent p", doc = "FLOW: FlowNormExponent p (chain 1).", def = "1", min = 0.1, max = 10) double flowExponent,
        @Field(label = "Staker response", unit = "of staked value per day", doc = "Stakers: the fraction of a subnet's staked value (alpha outstanding × price) that moves per"
                + " day per unit of relative yield gap (y/ȳ − 1), y = nominators' alpha paid (after the validator take) / alpha"
                + " outstanding;"
                + " 0 = nobody moves.", def = "0.02", min = 0, max = 1) double stakerResponsePerDay,
        @Field(label = "Cheaters' and copiers' sales", unit = "fraction of earned alpha", doc = "Cheating and copying miners sell this fraction of the alpha they earn (mercenary"
                + " selling; honest miners sell subnets[].market.minerSellFraction).", def = "1", min = 0, max = 1)
        double cheaterSellFraction) {

    public static MarketSpec defaults() {
        return new MarketSpec(0.000003, 201_600, true, GateMode.RANK, 32, 0.61, 3, InjectionCap.ROOT_PROPORTION,
                0.18, 5_000_000, 0.000003209, 0, 1, 0.02, 1);
    }
}
