package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Root stake in Yuma's stake weight (issue 16; economics.md §3b): weight = subnet stake + TaoWeight × root stake,
 * per validator.
 */
class RootStakeWeightTest {

    private static Scenario scenario(String network, String stake) {
        return ScenarioCodec.parse("{\"network\":" + network + ",\"subnets\":[{\"name\":\"a\",\"miners\":{\"operators\":16},"
                + "\"validators\":{\"count\":4,\"noiseSigma\":0.2,\"stake\":" + stake + "}}]}");
    }

    private static SubnetRun run(Scenario s, long seed, int epochs) {
        SubnetSpec spec = s.subnets().get(0);
        SubnetRun r = new SubnetRun(spec, 0, seed, new SubnetEmissionSplit(11796, 0.5),
                new YumaConsensus(Simulator.yumaParams(spec, 360)), s.economics(), 0,
                NormalTable.lognormal(spec.validators().noiseSigma()), s.network().market().taoWeight());
        YumaWorkspace ws = new YumaWorkspace();
        for (int e = 0; e < epochs; e++) {
            r.step(e, (e + 1) * 360L, 1_000_000_000_000L, ws);
        }
        return r;
    }

    private static final String EQUAL = "{\"distribution\":\"EXPLICIT\",\"explicitTao\":[1000,1000,1000,1000]";

    @Test
    void eachValidatorsWeightIsItsStakePlusTaoWeightTimesItsRootStake() {
        SubnetRun r = run(scenario("{}", EQUAL + ",\"explicitRootTao\":[0,0,0,100000]}"), 1, 0);
        long rao = BlockEmission.RAO_PER_TAO;
        assertThat(r.stakeWeight(0)).isEqualTo(1000 * rao);
        assertThat(r.stakeWeight(2)).isEqualTo(1000 * rao);
        assertThat(r.stakeWeight(3)).isEqualTo(1000 * rao + 18_000 * rao);
        SubnetRun w = run(scenario("{\"market\":{\"taoWeight\":0.5}}", EQUAL + ",\"explicitRootTao\":[0,0,0,100000]}"), 1, 0);
        assertThat(w.stakeWeight(3)).isEqualTo(51_000 * rao);
        SubnetRun none = run(scenario("{\"market\":{\"taoWeight\":0}}", EQUAL + ",\"explicitRootTao\":[0,0,0,100000]}"), 1, 0);
        assertThat(none.stakeWeight(3)).isEqualTo(1000 * rao);
    }

    @Test
    void aValidatorWithRootStakeEarnsMoreOfTheDividends() {
        double without = dividendShare(run(scenario("{}", EQUAL + "}"), 3, 30), 3);
        double with = dividendShare(run(scenario("{}", EQUAL + ",\"explicitRootTao\":[0,0,0,100000]}"), 3, 30), 3);
        assertThat(without).isBetween(0.2, 0.3);
        // weight 19,000 of 22,000: its dividends share follows its stake weight
        assertThat(with).isGreaterThan(0.7);
    }

    private static double dividendShare(SubnetRun r, int v) {
        double total = 0;
        for (long x : r.payment().validatorIntervalRao()) {
            total += x;
        }
        return r.payment().validatorIntervalRao()[v] / total;
    }

    @Test
    void paretoRootStakeIsDrawnIndependentlyAndNoneLeavesTheRunUnchanged() {
        String pareto = "{\"totalTao\":4000";
        Scenario plain = scenario("{\"horizonDays\":1}", pareto + "}");
        Scenario zero = scenario("{\"horizonDays\":1}", pareto + ",\"rootTao\":0}");
        assertThat(results(zero, 5)).isEqualTo(results(plain, 5));
        assertThat(ScenarioCodec.hash(zero)).isEqualTo(ScenarioCodec.hash(plain));

        SubnetRun base = run(plain, 5, 0);
        SubnetRun rooted = run(scenario("{}", pareto + ",\"rootTao\":100000}"), 5, 0);
        long sumBase = 0;
        long sumRooted = 0;
        boolean proportional = true;
        for (int v = 0; v < 4; v++) {
            sumBase += base.stakeWeight(v);
            sumRooted += rooted.stakeWeight(v);
        }
        for (int v = 0; v < 4; v++) {
            double a = base.stakeWeight(v) / (double) sumBase;
            double b = rooted.stakeWeight(v) / (double) sumRooted;
            proportional &= Math.abs(a - b) < 1e-3;
        }
        assertThat((double) sumRooted - sumBase).isCloseTo(0.18 * 100_000 * BlockEmission.RAO_PER_TAO,
                Offset.offset(10.0));
        assertThat(proportional).as("root stake follows its own draws, not the subnet stake").isFalse();
        assertThat(results(scenario("{\"horizonDays\":1}", pareto + ",\"rootTao\":100000}"), 5))
                .isNotEqualTo(results(plain, 5));
    }

    private static String results(Scenario s, long seed) {
        var node = RunOutput.toJsonNode(s, new Simulator(s).run(seed));
        node.remove("manifest");
        return node.toString();
    }

    @Test
    void badRootStakesAreNamedByTheirField() {
        assertThat(paths(EQUAL + ",\"explicitRootTao\":[1,2]}"))
                .containsExactly("$.subnets[0].validators.stake.explicitRootTao");
        assertThat(paths(EQUAL + ",\"rootTao\":5}")).containsExactly("$.subnets[0].validators.stake.rootTao");
        assertThat(paths("{\"explicitRootTao\":[1,2,3,4]}")).containsExactly("$.subnets[0].validators.stake.explicitRootTao");
        List<Problem> negative = ScenarioCodec.problems("{\"subnets\":[{\"name\":\"a\",\"validators\":{\"stake\":{\"rootTao\":-1}}}]}");
        assertThat(negative).extracting(Problem::path).containsExactly("$.subnets[0].validators.stake.rootTao");
        assertThat(negative.get(0).message()).contains("0");
    }

    private static List<String> paths(String stake) {
        return ScenarioCodec.problems("{\"subnets\":[{\"name\":\"a\",\"miners\":{\"operators\":16},\"validators\":{\"count\":4,"
                + "\"stake\":" + stake + "}}]}").stream().map(Problem::path).toList();
    }
}
