package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.metagraph.GeneratedSnapshots;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.metagraph.MetagraphScenario;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Initial weights (issue 18): the first epoch reads the weights the validators had set when the run starts (a
 * metagraph's measured weights), and with commit-reveal every epoch before the first reveal.
 */
class InitialWeightsEngineTest {

    private static final long TEMPO = 360;

    private static SubnetRun subnet(Scenario s, long seed) {
        SubnetSpec spec = s.subnets().get(0);
        return new SubnetRun(spec, 0, seed, new SubnetEmissionSplit(11796, 0.5),
                new YumaConsensus(Simulator.yumaParams(spec, (int) TEMPO)), s.economics(), 0,
                NormalTable.lognormal(spec.validators().noiseSigma()), s.network().market().taoWeight());
    }

    /** Four validators that all start with their whole weight on UID 9 (miner slot 5). */
    private static Scenario allOnOneUid(String reveal) {
        return ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\"," + reveal + ",\"miners\":{\"operators\":12},"
                + "\"validators\":{\"count\":4},\"initialWeights\":{\"validator\":[0,1,2,3],\"uid\":[9,9,9,9],"
                + "\"weight\":[65535,65535,65535,65535]}}]}");
    }

    private static long paidToOthers(SubnetRun r, int slot) {
        long sum = 0;
        for (int j = 0; j < r.minerSlots(); j++) {
            sum += j == slot ? 0 : r.payment().lastEpochRao()[j];
        }
        return sum;
    }

    @Test
    void theFirstEpochReadsTheInitialWeightsAndTheNextTheMeasurement() {
        YumaWorkspace ws = new YumaWorkspace();
        for (int period : new int[]{0, 1, 3}) {
            SubnetRun r = subnet(allOnOneUid(period == 0 ? "\"commitReveal\":false"
                    : "\"commitReveal\":true,\"revealPeriodEpochs\":" + period), 5);
            int before = Math.max(1, period); // epochs that read the initial weights
            for (int e = 0; e < before + 1; e++) {
                r.step(e, (e + 1) * TEMPO, 1_000_000_000_000L, ws);
                if (e < before) {
                    assertThat(r.payment().lastEpochRao()[5]).as("period %d epoch %d", period, e).isPositive();
                    assertThat(paidToOthers(r, 5)).as("period %d epoch %d", period, e).isZero();
                } else {
                    assertThat(paidToOthers(r, 5)).as("period %d epoch %d", period, e).isPositive();
                }
            }
        }
    }

    @Test
    void badInitialWeightsAreRefusedByField() {
        String base = "{\"subnets\":[{\"name\":\"a\",\"miners\":{\"operators\":12},\"validators\":{\"count\":4},"
                + "\"initialWeights\":%s}]}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"validator\":[0],\"uid\":[9,10],\"weight\":[1]}", "$.subnets[0].initialWeights");
        cases.put("{\"validator\":[4],\"uid\":[9],\"weight\":[1]}", "$.subnets[0].initialWeights.validator[0]");
        cases.put("{\"validator\":[0],\"uid\":[2],\"weight\":[1]}", "$.subnets[0].initialWeights.uid[0]");
        cases.put("{\"validator\":[0],\"uid\":[16],\"weight\":[1]}", "$.subnets[0].initialWeights.uid[0]");
        cases.put("{\"validator\":[0,0],\"uid\":[9,9],\"weight\":[1,2]}", "$.subnets[0].initialWeights.uid[1]");
        cases.put("{\"validator\":[0],\"uid\":[9],\"weight\":[65536]}", "$.subnets[0].initialWeights.weight[0]");
        cases.forEach((weights, path) -> {
            List<Problem> p = ScenarioCodec.problems(String.format(base, weights));
            assertThat(p).as(weights).extracting(Problem::path).containsExactly(path);
        });
        // left out of the canonical form when empty, so scenarios without them keep their hash
        Scenario plain = ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\"}]}");
        assertThat(ScenarioCodec.canonicalJson(plain)).doesNotContain("initialWeights");
    }

    @Test
    void anImportedSubnetsFirstEpochPaysItsColdkeysAsTheSnapshotDid() {
        // 8 validators, 24 miner UIDs on 8 coldkeys (3 each): one operator slot per real UID
        for (long seed = 1; seed <= 3; seed++) {
            String text = GeneratedSnapshots.text(GeneratedSnapshots.generate(seed, 8, 24, true));
            MetagraphSnapshot snap = MetagraphCodec.parse(text);
            MetagraphScenario.Imported imported = MetagraphScenario.convert(snap);
            Scenario s = imported.scenario();
            assertThat(s.subnets().get(0).initialWeights().size()).isPositive();
            assertThat(ScenarioCodec.parse(ScenarioCodec.toJson(s))).isEqualTo(s);
            SubnetRun r = subnet(s, seed);
            r.step(0, TEMPO, 1_000_000_000_000L, new YumaWorkspace());
            // without them the first epoch pays by the scenario's own (drawn) operators instead
            SubnetSpec sub = s.subnets().get(0);
            SubnetSpec measured = new SubnetSpec(sub.name(), sub.metric(), sub.metricWeights(), sub.rewardCurve(),
                    sub.verification(), sub.yuma(), sub.limits(), sub.commitReveal(), sub.revealPeriodEpochs(),
                    sub.emissionShare(), sub.miners(), sub.validators(), sub.scoring(), sub.market(), sub.tempo());
            SubnetRun own = subnet(new Scenario(s.schemaVersion(), s.name(), s.description(), s.network(),
                    List.of(measured)), seed);
            own.step(0, TEMPO, 1_000_000_000_000L, new YumaWorkspace());
            double largestGap = 0;
            // the snapshot's incentive by coldkey, in the order the import numbers operators
            Map<String, Double> byColdkey = new LinkedHashMap<>();
            double total = 0;
            for (int i = 0; i < snap.n(); i++) {
                if (!snap.validatorPermit()[i]) {
                    byColdkey.merge(snap.coldkeys()[i], snap.incentive()[i], Double::sum);
                    total += snap.incentive()[i];
                }
            }
            long paid = 0;
            for (long x : r.payment().lastEpochRao()) {
                paid += x;
            }
            int op = 0;
            for (double share : byColdkey.values()) {
                long mine = 0;
                for (int k = 0; k < 3; k++) {
                    mine += r.payment().lastEpochRao()[op * 3 + k];
                }
                assertThat(mine / (double) paid).as("seed %d operator %d", seed, op).isCloseTo(share / total,
                        within(0.01));
                long theirs = 0;
                long ownPaid = 0;
                for (int j = 0; j < own.minerSlots(); j++) {
                    theirs += j / 3 == op ? own.payment().lastEpochRao()[j] : 0;
                    ownPaid += own.payment().lastEpochRao()[j];
                }
                largestGap = Math.max(largestGap, Math.abs(theirs / (double) ownPaid - share / total));
                op++;
            }
            assertThat(largestGap).as("seed %d", seed).isGreaterThan(0.02);
        }
    }
}
