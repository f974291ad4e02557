package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.SubnetEmissionSplit;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaConsensus;
import io.incentivelab.simulation.yuma.YumaWorkspace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commit-reveal delays every measuring validator's weights (issue 18): Yuma at epoch e sees the weights
 * committed at e − revealPeriod, and the chain's commit mask drops what was committed before a UID's
 * registration.
 */
class CommitRevealEngineTest {

    private static final long TEMPO = 360;

    private static SubnetRun subnet(String reveal, int remeasure, long seed) {
        Scenario s = ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\"," + reveal
                + ",\"miners\":{\"operators\":24,\"placement\":\"RANDOM\"},\"validators\":{\"count\":8,"
                + "\"noiseSigma\":0.4,\"remeasureEveryEpochs\":" + remeasure + "}}]}");
        SubnetSpec spec = s.subnets().get(0);
        return new SubnetRun(spec, 0, seed, new SubnetEmissionSplit(11796, 0.5),
                new YumaConsensus(Simulator.yumaParams(spec, (int) TEMPO)), s.economics(), 0,
                NormalTable.lognormal(spec.validators().noiseSigma()), s.network().market().taoWeight());
    }

    private static List<double[]> consensus(SubnetRun r, int from, int to, YumaWorkspace ws) {
        List<double[]> out = new ArrayList<>();
        for (int e = from; e < to; e++) {
            r.step(e, (e + 1) * TEMPO, 1_000_000_000_000L, ws);
            out.add(r.consensus().clone());
        }
        return out;
    }

    @Test
    void yumaSeesTheWeightsMeasuredRevealPeriodEpochsEarlier() {
        YumaWorkspace ws = new YumaWorkspace();
        int[][] cases = {{1, 1}, {3, 1}, {2, 3}, {4, 2}};
        for (int[] c : cases) {
            int period = c[0];
            int remeasure = c[1];
            // the same seed measures the same scores; consensus reads only weights, stake and permits
            List<double[]> open = consensus(subnet("\"commitReveal\":false", remeasure, 7), 0, 16, ws);
            List<double[]> reveal = consensus(subnet("\"commitReveal\":true,\"revealPeriodEpochs\":" + period,
                    remeasure, 7), 0, 16, ws);
            for (int e = 0; e < 16; e++) {
                // before the first reveal the run shows the commit of epoch 0, as if the subnet had run before
                assertThat(reveal.get(e)).as("period %d remeasure %d epoch %d", period, remeasure, e)
                        .containsExactly(open.get(Math.max(0, e - period)));
            }
            // and the delay is real: the measurements move between re-measurements
            assertThat(open.get(remeasure)).isNotEqualTo(open.get(0));
        }
    }

    @Test
    void aNewRegistrantGetsNoWeightFromCommitsOlderThanItsRegistration() {
        YumaWorkspace ws = new YumaWorkspace();
        for (boolean commitReveal : new boolean[]{false, true}) {
            SubnetRun r = subnet(commitReveal ? "\"commitReveal\":true,\"revealPeriodEpochs\":2"
                    : "\"commitReveal\":false", 1, 11);
            consensus(r, 0, 6, ws);
            double strongest = r.operators().stream().mapToDouble(op -> op.compute).max().orElseThrow();
            Operator newcomer = new Operator(10_000, Strategy.SPECIALIST, 2 * strongest, 1, 0.5, 6);
            r.register(newcomer, 6 * TEMPO, 0);
            r.rebuild();
            int uid = r.validators() + newcomer.slots[0];
            List<double[]> after = consensus(r, 6, 10, ws);
            if (commitReveal) {
                // epochs 6 and 7 reveal the commits of epochs 4 and 5, made before the registration
                assertThat(after.get(0)[uid]).isZero();
                assertThat(after.get(1)[uid]).isZero();
                assertThat(after.get(2)[uid]).isPositive();
            } else {
                assertThat(after.get(0)[uid]).isPositive();
            }
            r.checkConsistency();
        }
    }
}
