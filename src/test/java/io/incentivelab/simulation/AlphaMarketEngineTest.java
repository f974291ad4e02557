package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Scenario;
import org.junit.jupiter.api.Test;

/** The alpha market wired into the engine (issue 16): conservation, registrations, direction, determinism. */
class AlphaMarketEngineTest {

    /** Two small subnets under a market rule; %s = split, then each subnet's market object. */
    static final String TWO = """
            {"network": {"horizonDays": %s, "sampleEveryEpochs": 10, "emissionSplit": "%s",
                         "market": %s},
             "subnets": [
               {"name": "a", "metric": "SPEED", "miners": {"operators": 12}, "validators": {"count": 4},
                "market": %s},
               {"name": "b", "metric": "ACCURACY", "miners": {"operators": 12, "copierFraction": 0.25},
                "validators": {"count": 4}, "market": %s}]}""";

    private static Scenario two(double days, String split, String market, String a, String b) {
        return ScenarioCodec.parse(String.format(TWO, days, split, market, a, b));
    }

    private static double last(TimeSeries ts, String key) {
        double[] x = ts.series(key);
        return x[x.length - 1];
    }

    @Test
    void issuedTaoEndsInThePoolsAndSharesSumToOne() {
        // nothing leaves the pools: no sellers, no stakers, no root stake
        Scenario s = two(10, "PRICE_EMA", "{\"stakerResponsePerDay\": 0, \"rootStakeTao\": 0, \"cheaterSellFraction\": 0}",
                "{\"minerSellFraction\": 0}", "{\"minerSellFraction\": 0, \"poolTao\": 30000}");
        RunResult r = new Simulator(s).run(3);
        TimeSeries ts = r.timeSeries();
        double poolGain = last(ts, "a.poolTao") - 20_000 + last(ts, "b.poolTao") - 30_000;
        double issued = r.accounting().issuedRao() / 1e9;
        // every block's TAO goes into the pools, less at most a rao per subnet per block of flooring
        assertThat(poolGain).isCloseTo(issued, within(2 * 72_000 * 1e-9 + 1e-6));
        for (int i = 0; i < ts.samples(); i++) {
            assertThat(ts.series("a.emissionShare")[i] + ts.series("b.emissionShare")[i]).isCloseTo(1, within(1e-9));
        }
        // the higher-priced subnet (b: 0.03 vs 0.02) wins the larger share
        assertThat(r.summary().subnet("b").value("emissionShare")).isGreaterThan(0.55);
        // with rootStake 0 the cap (root_prop × alpha emission) is 0: all TAO buys alpha, prices rise
        assertThat(last(ts, "a.price")).isGreaterThan(0.02);
        assertThat(last(ts, "a.chainBuyTao")).isPositive();
    }

    @Test
    void registrationsLeaveIssuanceUnchangedAndRaisePoolTaoByTheBurn() {
        String json = """
                {"network": {"horizonDays": 8, "sampleEveryEpochs": 20, "emissionSplit": "PRICE_EMA",
                             "market": {"stakerResponsePerDay": 0, "rootStakeTao": 0, "cheaterSellFraction": 0}},
                 "economics": {"enabled": true, "arrivalsPerDay": 30, "decisionIntervalEpochs": 10,
                               "registration": {"minBurnTao": 0.5}},
                 "subnets": [
                   {"name": "a", "limits": {"maxUids": 40}, "miners": {"operators": 20}, "validators": {"count": 4},
                    "market": {"minerSellFraction": 0}},
                   {"name": "b", "metric": "STORAGE", "limits": {"maxUids": 40}, "miners": {"operators": 20},
                    "validators": {"count": 4}, "market": {"minerSellFraction": 0}}]}""";
        RunResult r = new Simulator(ScenarioCodec.parse(json)).run(11);
        TimeSeries ts = r.timeSeries();
        double issued = r.accounting().issuedRao() / 1e9;
        double registrations = last(ts, "network.recycledTao");
        assertThat(registrations).isGreaterThan(1);
        assertThat(last(ts, "network.issuanceTao")).isCloseTo(11_700_000 + issued, within(1e-3));
        double poolGain = last(ts, "a.poolTao") + last(ts, "b.poolTao") - 40_000;
        assertThat(poolGain).isCloseTo(issued + registrations, within(1e-3));
    }

    @Test
    void higherYieldDrawsStakeRaisesPriceAndShare() {
        // identical subnets but a has half the alpha outstanding: twice the validator yield per staked alpha
        // the stakers are the cause: a's price and share relative to b's are higher with them than without
        String a = "{\"alphaOutstanding\": 1000000}";
        String b = "{\"alphaOutstanding\": 2000000}";
        for (long seed = 1; seed <= 3; seed++) {
            RunResult with = new Simulator(two(30, "PRICE_EMA",
                    "{\"stakerResponsePerDay\": 0.05, \"gate\": \"OFF\", \"cheaterSellFraction\": 0}", a, b)).run(seed);
            RunResult without = new Simulator(two(30, "PRICE_EMA",
                    "{\"stakerResponsePerDay\": 0, \"gate\": \"OFF\", \"cheaterSellFraction\": 0}", a, b)).run(seed);
            assertThat(priceRatio(with)).isGreaterThan(priceRatio(without) * 1.05);
            assertThat(with.summary().subnet("a").finalValue("emissionShare"))
                    .isGreaterThan(without.summary().subnet("a").finalValue("emissionShare"));
            assertThat(without.summary().subnet("a").value("alphaSoldByMiners")).isPositive();
        }
    }

    private static double priceRatio(RunResult r) {
        return last(r.timeSeries(), "a.price") / last(r.timeSeries(), "b.price");
    }

    @Test
    void ownerBurnCostsShareOnlyWithTheBurnFactor() {
        String burn = "{\"ownerBurnFraction\": 0.8, \"minerSellFraction\": 0}";
        String none = "{\"minerSellFraction\": 0}";
        // two days: the moving prices have barely left their common start, so the shares are the demand's
        RunResult on = new Simulator(two(2, "PRICE_EMA", "{\"gate\": \"OFF\", \"cheaterSellFraction\": 0}", burn, none)).run(2);
        RunResult off = new Simulator(two(2, "PRICE_EMA", "{\"gate\": \"OFF\", \"cheaterSellFraction\": 0, \"burnFactor\": false}",
                burn, none)).run(2);
        double withFactor = on.summary().subnet("a").value("emissionShare");
        double withoutFactor = off.summary().subnet("a").value("emissionShare");
        // demand (1 − 0.8)·p against p: a's share ≈ 0.2/1.2
        assertThat(withFactor).isCloseTo(0.2 / 1.2, within(0.01));
        assertThat(withoutFactor).isCloseTo(0.5, within(0.01));
        assertThat(on.summary().subnet("a").value("ownerBurnedTao")).isPositive();
        assertThat(on.accounting().burnedRao()).isPositive();
    }

    @Test
    void flowRuleFollowsNetStakingFlow() {
        // stake flows into a (half the alpha outstanding: twice the yield) and out of b, whose copiers also
        // sell everything they earn: b's net flow EMA is negative, and FLOW gives it (almost) nothing
        RunResult r = new Simulator(two(30, "FLOW", "{\"stakerResponsePerDay\": 0.05, \"gate\": \"OFF\"}",
                "{\"minerSellFraction\": 0, \"alphaOutstanding\": 1000000}", "{\"minerSellFraction\": 0}")).run(4);
        assertThat(r.summary().subnet("a").value("emissionShare")).isGreaterThan(0.9);
        assertThat(r.summary().subnet("b").value("emissionShare")).isLessThan(0.1);
    }

    @Test
    void marketRunsAreTheSameOnAnyThreadCount() {
        Scenario s = two(6, "PRICE_EMA", "{}", "{}", "{\"ownerBurnFraction\": 0.3}");
        assertThat(new Simulator(s, 2).run(9).summary().toFlatMap()).isEqualTo(new Simulator(s, 1).run(9).summary().toFlatMap());
    }

    @Test
    void crossSubnetHhiIsTheHhiOfTheEmissionShares() {
        // three subnets whose prices differ: the network output is Σ e_s² of the sampled shares, every sample
        String json = """
                {"network": {"horizonDays": 6, "sampleEveryEpochs": 10, "emissionSplit": "PRICE_EMA",
                             "market": {"gate": "OFF"}},
                 "subnets": [
                   {"name": "a", "miners": {"operators": 8}, "validators": {"count": 3}, "market": {"poolTao": 10000}},
                   {"name": "b", "miners": {"operators": 8}, "validators": {"count": 3}, "market": {"poolTao": 20000}},
                   {"name": "c", "miners": {"operators": 8}, "validators": {"count": 3}, "market": {"poolTao": 60000}}]}""";
        TimeSeries ts = new Simulator(ScenarioCodec.parse(json)).run(5).timeSeries();
        double[] hhi = ts.series("network.crossSubnetHhi");
        for (int i = 0; i < ts.samples(); i++) {
            double sum = 0;
            for (String s : new String[]{"a", "b", "c"}) {
                double e = ts.series(s + ".emissionShare")[i];
                sum += e * e;
            }
            assertThat(hhi[i]).isCloseTo(sum, within(1e-9));
        }
        // prices 0.01 : 0.02 : 0.06 → shares 1/9, 2/9, 6/9 at the start: HHI = 41/81, well above the equal 1/3
        assertThat(hhi[0]).isCloseTo(41.0 / 81, within(0.01));
    }

    @Test
    void validatorsKeepTheTakeOfTheAlphaDividends() {
        RunResult r = new Simulator(two(6, "PRICE_EMA", "{\"stakerResponsePerDay\": 0}", "{}",
                "{\"validatorTake\": 0}")).run(6);
        var a = r.summary().subnet("a");
        double alphaDividends = a.value("validatorEmissionTao") - a.value("rootDividendTao");
        assertThat(alphaDividends).isPositive();
        // floored to rao once per epoch: 1e-9 TAO × 20 epochs a day at most
        assertThat(a.value("validatorTakeTao")).isCloseTo(0.18 * alphaDividends, within(1e-6));
        assertThat(r.summary().subnet("b").value("validatorTakeTao")).isZero();
    }

    @Test
    void aLowerTakeDrawsTheStakers() {
        // identical subnets but a's validators keep half their nominators' dividends: b pays the higher yield
        for (long seed = 1; seed <= 3; seed++) {
            RunResult r = new Simulator(two(30, "PRICE_EMA",
                    "{\"stakerResponsePerDay\": 0.05, \"gate\": \"OFF\", \"cheaterSellFraction\": 0}",
                    "{\"validatorTake\": 0.5}", "{\"validatorTake\": 0}")).run(seed);
            RunResult same = new Simulator(two(30, "PRICE_EMA",
                    "{\"stakerResponsePerDay\": 0.05, \"gate\": \"OFF\", \"cheaterSellFraction\": 0}",
                    "{\"validatorTake\": 0}", "{\"validatorTake\": 0}")).run(seed);
            assertThat(priceRatio(r)).isLessThan(priceRatio(same) / 1.02);
            assertThat(r.summary().subnet("a").finalValue("emissionShare"))
                    .isLessThan(same.summary().subnet("a").finalValue("emissionShare"));
        }
    }

    @Test
    void badMarketInputNamesTheField() {
        assertThatThrownBy(() -> two(5, "PRICE_EMA", "{}", "{\"poolTao\": -1}", "{}"))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("$.subnets[0].market.poolTao");
        assertThatThrownBy(() -> two(5, "PRICE_EMA", "{\"gateExponent\": 9}", "{}", "{}"))
                .hasMessageContaining("$.network.market.gateExponent").hasMessageContaining("between 1 and 8");
        assertThatThrownBy(() -> two(5, "PRICE_EMA", "{}", "{\"validatorTake\": 1.5}", "{}"))
                .hasMessageContaining("$.subnets[0].market.validatorTake");
        assertThatThrownBy(() -> two(5, "PRICE_EMA", "{\"barRank\": 0}", "{}", "{}"))
                .hasMessageContaining("$.network.market.barRank");
        assertThatThrownBy(() -> ScenarioCodec.parse("""
                {"network": {"emissionSplit": "PRICE_EMA"}, "subnets": [{"name": "a", "emissionShare": 3}]}"""))
                .hasMessageContaining("$.subnets[0].emissionShare").hasMessageContaining("only read by emissionSplit FIXED");
    }
}
