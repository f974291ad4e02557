package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tempo per subnet (issue 18): each subnet runs Yuma every tempo of its own; emission accrues block by block. */
class SubnetTempoTest {

    private static final String SUBNET = "\"miners\":{\"operators\":20},\"validators\":{\"count\":6}";

    private static Scenario network(String split, String... subnets) {
        return ScenarioCodec.parse("{\"network\":{\"horizonEpochs\":24,\"sampleEveryEpochs\":1,\"emissionSplit\":\""
                + split + "\"},\"subnets\":[" + String.join(",", subnets) + "]}");
    }

    private static String subnet(String name, String extra) {
        return "{\"name\":\"" + name + "\"," + SUBNET + extra + "}";
    }

    /** The run's JSON without its manifest (whose scenario hash differs by construction). */
    private static String results(Scenario s, long seed, int threads) {
        var node = RunOutput.toJsonNode(s, new Simulator(s, threads).run(seed));
        node.remove("manifest");
        return node.toString();
    }

    @Test
    void theNetworksTempoWrittenOutGivesTheSameRunAsNone() {
        for (String split : List.of("EQUAL", "PRICE_EMA")) {
            Scenario implicit = network(split, subnet("a", ""), subnet("b", ""));
            Scenario explicit = network(split, subnet("a", ",\"tempo\":360"), subnet("b", ""));
            assertThat(results(explicit, 5, 1)).as(split).isEqualTo(results(implicit, 5, 1));
            assertThat(ScenarioCodec.canonicalJson(implicit)).doesNotContain("tempo\":0");
            assertThat(ScenarioCodec.hash(explicit)).isNotEqualTo(ScenarioCodec.hash(implicit));
        }
    }

    @Test
    void aSlowerSubnetIsPaidAtItsOwnEpochsWhatAccruedMeanwhile() {
        for (String split : List.of("EQUAL", "PRICE_EMA")) {
            Scenario s = network(split, subnet("slow", ",\"tempo\":720"), subnet("base", ""));
            RunResult r = new Simulator(s).run(2);
            double[] slow = r.timeSeries().series("slow.minerEmissionTao");
            double[] base = r.timeSeries().series("base.minerEmissionTao");
            for (int i = 0; i < slow.length; i++) {
                if (i % 2 == 0) { // network epoch i + 1 is odd: block 360·(i+1) is no multiple of 720
                    assertThat(slow[i]).as(split + " sample " + i).isZero();
                } else {
                    assertThat(base[i]).isPositive();
                    // two network epochs of emission at once (under the market the two pools' prices and shares
                    // drift apart a little over the run, since the subnets pay at different times)
                    assertThat(slow[i] / (base[i] + base[i - 1])).as(split + " sample " + i)
                            .isCloseTo(1, within(split.equals("EQUAL") ? 1e-6 : 0.15));
                }
            }
            Accounting a = r.accounting();
            assertThat(a.pendingRao()).isZero(); // 24 network epochs end on a multiple of 720
        }
    }

    @Test
    void aFasterSubnetRunsSeveralEpochsAStepAndTheRunStaysDeterministic() {
        Scenario s = network("EQUAL", subnet("fast", ",\"tempo\":100"), subnet("base", ""),
                subnet("odd", ",\"tempo\":250"));
        RunResult r = new Simulator(s).run(9);
        Accounting a = r.accounting();
        // every issued rao is paid, burned, pending at the horizon or lost to flooring (a few rao per UID-epoch)
        long notPaid = a.issuedRao() - a.paidRao() - a.burnedRao() - a.pendingRao();
        assertThat(notPaid).isBetween(0L, 24L * a.maxEpochUnpaidRao());
        // 8640 blocks: the 100-block subnet's last epoch is at block 8600, the 250-block one's at 8500
        assertThat(a.pendingRao()).isPositive();
        double fast = r.summary().subnet("fast").value("minerEmissionTao");
        double base = r.summary().subnet("base").value("minerEmissionTao");
        assertThat(fast / base).isCloseTo(1, within(0.03));
        assertThat(results(s, 9, 2)).isEqualTo(results(s, 9, 1));
        // and tempo changes what a subnet does: Yuma's bonds move per epoch, so a faster subnet's run differs
        Scenario same = network("EQUAL", subnet("fast", ""), subnet("base", ""), subnet("odd", ",\"tempo\":250"));
        assertThat(results(same, 9, 1)).isNotEqualTo(results(s, 9, 1));
    }

    @Test
    void aTempoLongerThanTheHorizonIsRefusedByName() {
        List<Problem> p = ScenarioCodec.problems("{\"network\":{\"horizonEpochs\":10},\"subnets\":[{\"name\":\"a\","
                + "\"tempo\":4000}]}");
        assertThat(p).extracting(Problem::path).containsExactly("$.subnets[0].tempo");
        assertThat(p.get(0).message()).contains("no epoch").contains("3600 blocks");
        // a short tempo multiplies the work: one block per epoch for a year of four subnets is too large
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            big.append(i == 0 ? "" : ",").append("{\"name\":\"s").append(i).append("\",\"tempo\":1}");
        }
        assertThat(ScenarioCodec.problems("{\"network\":{\"horizonDays\":365},\"subnets\":[" + big + "]}"))
                .extracting(Problem::path).containsExactly("$");
    }
}
