package io.incentivelab.simulation.model;

/**
 * One subnet's alpha pool at the start and its owner's and miners' market behaviour; used when
 * {@code network.emissionSplit} is PRICE_EMA or FLOW (docs/alpha-market.md).
 */
public record SubnetMarketSpec(
        @Field(label = "Pool TAO", unit = "TAO", doc = "TAO in the subnet's pool at the start.", def = "20000", min = 0, minExclusive = true,
                max = ScenarioLimits.TAO_CAP) double poolTao,
        @Field(label = "Pool alpha", unit = "alpha", doc = "Alpha in the pool at the start (price = poolTao / poolAlpha).", def = "1000000", min = 0,
                minExclusive = true, max = 1e12) double poolAlpha,
        @Field(label = "Alpha outstanding", unit = "alpha", doc = "Alpha held by stakers and participants at the start.", def = "2000000", min = 0, max = 1e12)
        double alphaOutstanding,
        @Field(label = "Subnet age", unit = "blocks", doc = "Blocks since the subnet's first emission (ages the moving-price rate; 864,000 ≈ 4 months).",
                def = "864000", min = 0, max = 1e9) double ageBlocks,
        @Field(label = "Starting moving price", unit = "TAO per alpha", doc = "Moving price at the start; 0 = the starting spot price (capped at 1).", def = "0", min = 0,
                max = 1) double movingPrice,
        @Field(label = "Owner burn", unit = "fraction of miner incentive", doc = "Fraction of the miner incentive paid to the owner's own hotkeys and burned (MinerBurned;"
                + " mean ≈ 0.43 on 27 Jul 2026).", def = "0", min = 0, max = 1) double ownerBurnFraction,
        @Field(label = "Honest miners' sales", unit = "fraction of earned alpha", doc = "Fraction of the alpha honest miners earn that they sell each epoch to pay costs.",
                def = "0.5", min = 0, max = 1) double minerSellFraction,
        @Field(label = "Validator take", unit = "fraction of alpha dividends", doc = "Validator (delegate) take: the fraction of the alpha dividends on delegated stake that the"
                + " validators keep; the rest goes to their nominators pro rata (chain default 11,796/65,535 ≈ 0.18,"
                + " the chain's maximum too). The stakers' yield is the nominators' part.", def = "0.18", min = 0,
                max = 1) double validatorTake) {

    public static SubnetMarketSpec defaults() {
        return new SubnetMarketSpec(20_000, 1_000_000, 2_000_000, 864_000, 0, 0, 0.5, 0.18);
    }
}
