package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.yuma.YumaInputs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Weight setting (model.md §5, §6): curves to u16, weight copiers submitting the consensus they see, and with
 * commit-reveal the rows Yuma reads lagging by the reveal period.
 */
class SubnetWeightsTest {

    private static final int V = 2;
    private static final int MINERS = 4;

    private SubnetPopulation population;

    /** Two validators without noise, four one-UID operators on SPEED; the subnet's other fields from {@code fields}. */
    private SubnetWeights weights(String fields, String validators) {
        Scenario s = ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\",\"metric\":\"SPEED\"," + fields
                + ",\"miners\":{\"operators\":" + MINERS + "},\"validators\":{\"count\":" + V + ",\"noiseSigma\":0"
                + validators + "}}]}");
        SubnetSpec spec = s.subnets().get(0);
        Operator[] owner = new Operator[MINERS];
        SubnetMeasurement m = new SubnetMeasurement(spec, V, owner, new SplittableRandom(1), NormalTable.lognormal(0));
        population = new SubnetPopulation(spec, 0, 5, new SplittableRandom(2), s.economics(), 0, owner,
                m.mainResource(), 1);
        m.rebuild(population.operators());
        return new SubnetWeights(spec, population, m);
    }

    private int strongestSlot() {
        int best = 0;
        for (int j = 1; j < MINERS; j++) {
            best = population.owners()[j].compute > population.owners()[best].compute ? j : best;
        }
        return best;
    }

    @Test
    void winnerTakeAllPutsTheWholeWeightOnTheBestUid() {
        SubnetWeights w = weights("\"rewardCurve\":{\"type\":\"WINNER_TAKE_ALL\"}", "");
        w.set(0);
        int[][] rows = w.shown(0, 360);
        for (int v = 0; v < V; v++) {
            assertThat(rows[v][0]).isEqualTo(YumaInputs.ABSENT);
            for (int j = 0; j < MINERS; j++) {
                assertThat(rows[v][V + j]).isEqualTo(j == strongestSlot() ? 65535 : 0);
            }
        }
    }

    @Test
    void proportionalWeightsFollowTheScores() {
        SubnetWeights w = weights("\"rewardCurve\":{\"type\":\"PROPORTIONAL\"}", "");
        w.set(0);
        int[] row = w.shown(0, 360)[0];
        double max = population.owners()[strongestSlot()].compute;
        for (int j = 0; j < MINERS; j++) {
            double expected = population.owners()[j].compute / max * 65535;
            assertThat((double) row[V + j]).isBetween(expected - 1, expected + 1);
        }
    }

    @Test
    void aWeightCopierSubmitsTheConsensusOfTheEpochBefore() {
        SubnetWeights w = weights("\"commitReveal\":false,\"rewardCurve\":{\"type\":\"PROPORTIONAL\"}",
                ",\"weightCopierFraction\":0.5");
        int copier = population.behaviour(0) == SubnetPopulation.COPIER ? 0 : 1;
        assertThat(population.behaviour(1 - copier)).isEqualTo(SubnetPopulation.HONEST);
        w.set(0);
        int[][] rows = w.shown(0, 360);
        for (int j = 0; j < MINERS; j++) {
            assertThat(rows[copier][V + j]).as("nothing to copy yet").isZero();
        }
        double[] consensus = {0, 0, 0.1, 0.2, 0.3, 0.4};
        w.afterEpoch(0, 360, true, consensus);
        w.set(1);
        rows = w.shown(1, 720);
        assertThat(rows[copier][V + 3]).isEqualTo(65535);
        assertThat(rows[copier][V]).isBetween(16383, 16384);
    }

    @Test
    void withCommitRevealYumaReadsTheCommitOfRevealPeriodEpochsBefore() {
        SubnetWeights w = weights("\"commitReveal\":true,\"revealPeriodEpochs\":2", ",\"remeasureEveryEpochs\":100");
        int uid = V + strongestSlot();
        w.set(0);
        assertThat(w.shown(0, 360)[0][uid]).isPositive();
        w.afterEpoch(0, 360, w.changed(0), new double[V + MINERS]);

        w.set(1);
        w.clearUid(uid); // a new UID: its weights are 0 from now on
        boolean changed = w.changed(1);
        assertThat(changed).isTrue();
        assertThat(w.shown(1, 720)[0][uid]).as("epoch 1 reveals the run's first commit").isPositive();
        assertThat(w.visibleChanged(1, changed)).isTrue();
        w.afterEpoch(1, 720, changed, new double[V + MINERS]);

        w.set(2);
        assertThat(w.shown(2, 1080)[0][uid]).as("the commit of epoch 0").isPositive();
        assertThat(w.earliestCommit()[0]).isEqualTo(359);
        w.afterEpoch(2, 1080, w.changed(2), new double[V + MINERS]);

        w.set(3);
        assertThat(w.shown(3, 1440)[0][uid]).as("the commit of epoch 1").isZero();
        assertThat(w.earliestCommit()[0]).isEqualTo(719);
        assertThat(w.visibleChanged(3, w.changed(3))).isTrue();
    }
}
