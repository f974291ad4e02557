package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * model.md §8 and §11: operators' economics as statistical tests over several seeds (directional, with
 * margins), and the invariants and determinism of runs with entry, exit and pruning.
 */
class EconomicsTest {

    private static final long[] SEEDS = {1, 2, 3};

    /**
     * One proportional SPEED subnet of specialists who reinvest; β is filled in. No fixed cost per UID (that
     * too is an economy of scale) and no arrivals (small newcomers among grown incumbents raise the Gini as
     * well): the test isolates β.
     */
    private static final String SCALE = """
            {"network": {"horizonDays": 120, "sampleEveryEpochs": 20},
             "economics": {"enabled": true, "scaleExponent": %s, "arrivalsPerDay": 0, "reinvestFraction": 0.5,
                           "exitAfterLosingDecisions": 10,
                           "costs": {"computeCapitalUsd": 1500, "computeRunningUsdPerDay": 30, "uidOverheadUsdPerDay": 0}},
             "subnets": [{"name": "speed", "limits": {"maxUids": 80},
                          "miners": {"operators": 48}, "validators": {"count": 16}}]}""";

    @Test
    void economiesOfScaleRaiseConcentrationOverTimeAndConstantReturnsDoNot() {
        double riseBeta1 = 0;
        double riseBeta08 = 0;
        for (long seed : SEEDS) {
            riseBeta1 += giniRise(String.format(SCALE, "1"), seed) / SEEDS.length;
            riseBeta08 += giniRise(String.format(SCALE, "0.8"), seed) / SEEDS.length;
        }
        assertThat(riseBeta08).as("β = 0.8: rise of giniEmission, last quarter − first sample")
                .isGreaterThan(riseBeta1 + 0.05);
        assertThat(riseBeta08).isGreaterThan(0.05);
        assertThat(riseBeta1).as("β = 1 does not raise concentration by itself").isLessThan(0.03);
    }

    private static double giniRise(String json, long seed) {
        RunResult r = new Simulator(ScenarioCodec.parse(json)).run(seed);
        double first = r.timeSeries().series("speed.giniEmission")[0];
        return r.summary().subnet("speed").giniEmission() - first;
    }

    /** Half SYBIL, half SPECIALIST operators on one SPEED subnet with room for more UIDs; the curve is filled in. */
    private static final String SYBILS = """
            {"network": {"horizonDays": 20, "sampleEveryEpochs": 20},
             "economics": {"enabled": true, "reinvestFraction": 0, "switchingInertia": 0.05, "maxSybilUids": 4,
                           "strategies": {"specialist": 1, "sybil": 1}},
             "subnets": [{"name": "s", "rewardCurve": %s, "limits": {"maxUids": 208},
                          "miners": {"operators": 48}, "validators": {"count": 16}}]}""";

    @Test
    void sybilsGainUnderCurvesThatPayPerUidAndNotUnderProportionalOrPowerOnes() {
        double flat = 0;
        double proportional = 0;
        double power = 0;
        double proportionalUids = 0;
        double powerUids = 0;
        for (long seed : SEEDS) {
            RunSummary a = sybilRun("{\"type\": \"TOP_K\", \"k\": 40}", seed);
            RunSummary b = sybilRun("{\"type\": \"PROPORTIONAL\"}", seed);
            RunSummary c = sybilRun("{\"type\": \"POWER\", \"alpha\": 2}", seed);
            flat += a.subnet("s").value("sybilEmissionShare") / SEEDS.length;
            proportional += b.subnet("s").value("sybilEmissionShare") / SEEDS.length;
            power += c.subnet("s").value("sybilEmissionShare") / SEEDS.length;
            proportionalUids += b.subnet("s").value("activeUids") / SEEDS.length;
            powerUids += c.subnet("s").value("activeUids") / SEEDS.length;
        }
        assertThat(flat).as("sybil emission share under TOP_K(40): equal weight per UID").isGreaterThan(proportional + 0.15);
        // under PROPORTIONAL and POWER(2) splitting does not pay: no extra UIDs (16 validators + 48 operators)
        assertThat(proportionalUids).isCloseTo(64, within(1.0));
        assertThat(powerUids).isCloseTo(64, within(1.0));
        assertThat(proportional).isCloseTo(0.5, within(0.2));
        assertThat(power).isLessThan(proportional + 0.1);
    }

    private static RunSummary sybilRun(String curve, long seed) {
        return new Simulator(ScenarioCodec.parse(String.format(SYBILS, curve))).run(seed).summary();
    }

    /** Two SPEED subnets of ADAPTIVE operators; the FIXED emission shares are filled in. */
    private static final String ADAPTIVE = """
            {"network": {"horizonDays": 30, "sampleEveryEpochs": 20, "emissionSplit": "FIXED"},
             "economics": {"enabled": true, "reinvestFraction": 0, "switchingInertia": 0.1,
                           "strategies": {"specialist": 0, "adaptive": 1}},
             "subnets": [
               {"name": "a", "emissionShare": 1, "limits": {"maxUids": 112}, "miners": {"operators": 48},
                "validators": {"count": 16}},
               {"name": "b", "emissionShare": %s, "limits": {"maxUids": 112}, "miners": {"operators": 48},
                "validators": {"count": 16}}]}""";

    @Test
    void adaptiveOperatorsMoveTowardTheSubnetWhoseRewardPerUnitRose() {
        double even = 0;
        double tilted = 0;
        for (long seed : SEEDS) {
            even += computeShareOfB(String.format(ADAPTIVE, "1"), seed) / SEEDS.length;
            tilted += computeShareOfB(String.format(ADAPTIVE, "3"), seed) / SEEDS.length;
        }
        assertThat(tilted).as("b's share of compute when b pays 3× a").isGreaterThan(even + 0.15);
        assertThat(tilted).isGreaterThan(0.6);
    }

    private static double computeShareOfB(String json, long seed) {
        return new Simulator(ScenarioCodec.parse(json)).run(seed).summary().network()
                .get("resourceShareBySubnet.compute.b");
    }

    /** Full subnets, arrivals, every strategy, a walking price, both burn rules. */
    static final String MOVING = """
            {"network": {"horizonDays": 12, "sampleEveryEpochs": 10},
             "economics": {"enabled": true, "decisionIntervalEpochs": 10, "arrivalsPerDay": 6,
                           "taoPriceDailySigma": 0.1, "scaleExponent": 0.8, "exitAfterLosingDecisions": 2,
                           "costs": {"computeRunningUsdPerDay": 200, "storageRunningUsdPerDay": 5},
                           "strategies": {"specialist": 1, "adaptive": 1, "sybil": 1, "cheater": 1},
                           "registration": {"rule": "%s", "initialBurnTao": 0.01}},
             "subnets": [
               {"name": "speed", "rewardCurve": {"type": "RANK_DECAY", "decay": 0.9}, "limits": {"maxUids": 40, "immunityPeriodBlocks": 1000},
                "miners": {"operators": 28}, "validators": {"count": 8}},
               {"name": "storage", "metric": "STORAGE", "limits": {"maxUids": 36},
                "miners": {"operators": 30}, "validators": {"count": 6}},
               {"name": "acc", "metric": "ACCURACY", "rewardCurve": {"type": "TOP_K", "k": 5}, "limits": {"maxUids": 30},
                "miners": {"operators": 22, "copierFraction": 0.2}, "validators": {"count": 8}}]}""";

    @Test
    void invariantsHoldWithEntryExitAndPruning() {
        for (String rule : new String[]{"DECAY_2026", "TARGET_REGISTRATIONS"}) {
            Scenario s = ScenarioCodec.parse(String.format(MOVING, rule));
            RunResult r = new Simulator(s).run(5); // the engine checks slot bookkeeping after every decision
            Accounting a = r.accounting();
            assertThat(a.paidRao()).isLessThanOrEqualTo(a.issuedRao());
            TimeSeries ts = r.timeSeries();
            int last = ts.samples() - 1;
            double recycled = ts.series("network.recycledTao")[last];
            assertThat(recycled).isPositive();
            // registrations do not lower issuance (the chain recycles the alpha the burn buys, not TAO)
            assertThat(ts.series("network.issuanceTao")[last])
                    .isCloseTo(11_700_000 + a.issuedRao() / 1e9, within(1e-3));
            double pruned = 0;
            double entered = 0;
            double exited = 0;
            for (int i = 0; i <= last; i++) {
                for (String sub : new String[]{"speed", "storage", "acc"}) {
                    double uids = ts.series(sub + ".activeUids")[i];
                    assertThat(uids).isLessThanOrEqualTo(s.subnets().stream().filter(x -> x.name().equals(sub))
                            .findFirst().orElseThrow().limits().maxUids());
                    pruned += ts.series(sub + ".prunedPerDay")[i];
                    double sybil = ts.series(sub + ".sybilEmissionShare")[i];
                    assertThat(sybil).isBetween(0.0, 1.0);
                }
                entered += ts.series("network.operatorsEnteredPerDay")[i];
                exited += ts.series("network.operatorsExitedPerDay")[i];
                for (String res : new String[]{"compute", "storage", "quality"}) {
                    double sum = 0;
                    for (String sub : new String[]{"speed", "storage", "acc"}) {
                        sum += ts.series("network.resourceShareBySubnet." + res + "." + sub)[i];
                    }
                    assertThat(sum).isCloseTo(1, within(1e-9));
                }
                assertThat(ts.series("network.roiNegativeShare")[i]).isBetween(0.0, 1.0);
                assertThat(ts.series("network.roiP10")[i]).isLessThanOrEqualTo(ts.series("network.roiMedian")[i]);
                assertThat(ts.series("network.roiMedian")[i]).isLessThanOrEqualTo(ts.series("network.roiP90")[i]);
            }
            assertThat(pruned).as(rule + ": pruning happened").isPositive();
            assertThat(entered).as(rule + ": operators arrived").isPositive();
            assertThat(exited).as(rule + ": operators left").isPositive();
            for (Map.Entry<String, Double> e : r.summary().toFlatMap().entrySet()) {
                assertThat(e.getValue()).as(e.getKey()).isFinite();
            }
        }
    }

    @Test
    void aMovingPopulationIsStillAPureFunctionOfTheSeedOnAnyThreadCount() {
        Scenario s = ScenarioCodec.parse(String.format(MOVING, "DECAY_2026"));
        String one = RunOutput.toJson(s, new Simulator(s, 1).run(9), false);
        assertThat(RunOutput.toJson(s, new Simulator(s, 1).run(9), false)).isEqualTo(one);
        assertThat(RunOutput.toJson(s, new Simulator(s, 2).run(9), false)).isEqualTo(one);
        assertThat(RunOutput.toJson(s, new Simulator(s, 3).run(9), false)).isEqualTo(one);
        assertThat(RunOutput.toJson(s, new Simulator(s, 1).run(10), false)).isNotEqualTo(one);
    }
}
