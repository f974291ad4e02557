package io.incentivelab.simulation.model;

/**
 * Operators' economics and a moving population (model.md §8). When {@code enabled}, every
 * {@code decisionIntervalEpochs} each operator books its rewards (TAO × the TAO price, USD) against its
 * running costs, reinvests a share of a profit into the resource its subnet rewards, leaves after
 * {@code exitAfterLosingDecisions} losing decisions in a row, and acts on its strategy; new operators arrive
 * at a Poisson rate and register by paying the current burn. When not enabled the population is fixed
 * (part 1) and only the burn price is reported.
 */
public record EconomicsSpec(
        @Field(doc = "false = the fixed population of part 1; true = costs, strategies, entry, exit, pruning.",
                def = "false") boolean enabled,
        @Field(doc = "Epochs between operators' decisions (20 at tempo 360 = one day).", def = "20", min = 1,
                max = 100_000) int decisionIntervalEpochs,
        @Field(doc = "TAO price at the start, USD.", def = "300", min = 0, minExclusive = true, max = 1e7)
        double taoPriceUsd,
        @Field(doc = "Daily σ of the TAO price's geometric random walk (0 = constant; 0.04 ≈ TAO's history).",
                def = "0", min = 0, max = 1) double taoPriceDailySigma,
        @Field(doc = "Economies of scale β ≤ 1: the unit cost of x units is ∝ x^(β−1) (1 = none).", def = "1",
                min = 0.3, max = 1) double scaleExponent,
        @Field(doc = "Resource prices.", def = "{}") CostSpec costs,
        @Field(doc = "Fraction of a decision's profit reinvested into the resource the subnet rewards.",
                def = "0.5", min = 0, max = 1) double reinvestFraction,
        @Field(doc = "An operator leaves after this many losing decisions in a row.", def = "10", min = 1,
                max = 100_000) int exitAfterLosingDecisions,
        @Field(doc = "New operators per day, network-wide (Poisson); each joins a random subnet with an"
                + " endowment drawn from that subnet's miners spec.", def = "0", min = 0, max = 10_000)
        double arrivalsPerDay,
        @Field(doc = "Strategy shares of the operators (initial and arriving).", def = "{}") StrategyMix strategies,
        @Field(doc = "ADAPTIVE: moves only if the expected profit per decision exceeds the current one by this"
                + " fraction of its size, plus the burn.", def = "0.2", min = 0, max = 100) double switchingInertia,
        @Field(doc = "SYBIL: most UIDs one operator runs on a subnet.", def = "8", min = 1, max = 64)
        int maxSybilUids,
        @Field(doc = "Registration burn.", def = "{}") RegistrationSpec registration,
        @Field(doc = "An operator registers a UID only if the burn is at most its expected revenue over this"
                + " many days (a proportional share of the subnet's recent miner emission).", def = "30", min = 0,
                max = 10_000) double registrationPaybackDays) {

    /** The defaults of every field (economics off). */
    public static EconomicsSpec defaults() {
        return new EconomicsSpec(false, 20, 300, 0, 1,
                new CostSpec(1500, 3, 20, 0.05, 20000, 10, 1), 0.5, 10, 0,
                new StrategyMix(1, 0, 0, 0), 0.2, 8,
                new RegistrationSpec(BurnRule.DECAY_2026, 360, 1.26, 0.0005, 100, 0.0005, 2, 360), 30);
    }
}
