package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.model.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How validators score miners (model.md §4), checked without noise so the scores are the model's formulas. */
class SubnetMeasurementTest {

    /** One validator without noise; the subnet's fields (metric, verification, …) from {@code fields}. */
    private static SubnetSpec spec(String fields) {
        return ScenarioCodec.parse("{\"subnets\":[{\"name\":\"a\"," + fields + ",\"miners\":{\"operators\":2,"
                + "\"cheaterOverclaim\":3},\"validators\":{\"count\":1,\"noiseSigma\":0}}]}").subnets().get(0);
    }

    private static Operator operator(int id, double compute, double storage, double quality, int... slots) {
        Operator op = new Operator(id, Strategy.SPECIALIST, compute, storage, quality, 0);
        for (int j : slots) {
            op.addSlot(j);
        }
        return op;
    }

    private static SubnetMeasurement measurement(SubnetSpec spec, Operator[] owner) {
        SubnetMeasurement m = new SubnetMeasurement(spec, 1, owner, new SplittableRandom(3),
                NormalTable.lognormal(0));
        List<Operator> ops = new ArrayList<>();
        for (Operator op : owner) {
            if (op != null && !ops.contains(op)) {
                ops.add(op);
            }
        }
        m.rebuild(ops);
        return m;
    }

    @Test
    void speedScoresTheComputeEachUidHoldsAndAnEmptySlotScoresZero() {
        Operator a = operator(0, 8, 1, 0.5, 0, 1);
        Operator b = operator(1, 3, 1, 0.5, 2);
        SubnetMeasurement m = measurement(spec("\"metric\":\"SPEED\""), new Operator[]{a, a, b, null});
        assertThat(m.measure(0, 0)).isEqualTo(4);
        assertThat(m.scores()).containsExactly(4, 4, 3, 0);
    }

    @Test
    void aCheaterClaimsItsOverclaimAndFullAuditsCatchItForThePenaltyEpochs() {
        Operator honest = operator(0, 1, 10, 0.5, 0);
        Operator cheater = operator(1, 1, 10, 0.5, 1);
        cheater.cheater = true;
        Operator[] owner = {honest, cheater};
        SubnetMeasurement unaudited = measurement(spec("\"metric\":\"STORAGE\","
                + "\"verification\":{\"auditRate\":0}"), owner);
        unaudited.measure(0, 0);
        assertThat(unaudited.scores()).containsExactly(10, 30);

        SubnetMeasurement audited = measurement(spec("\"metric\":\"STORAGE\","
                + "\"verification\":{\"auditRate\":1,\"penaltyEpochs\":2}"), owner);
        for (int e = 0; e < 3; e++) {
            audited.measure(0, e);
            assertThat(audited.scores()).as("epoch %d", e).containsExactly(10, 0);
        }
        // caught at epoch 0, it scores 0 through epoch 0 + 2 and is audited (and caught) again at epoch 3
        audited.measure(0, 3);
        assertThat(audited.scores()).containsExactly(10, 0);
    }

    @Test
    void aMixedMetricIsTheWeightedSumOfEachComponentOverItsMaximum() {
        Operator a = operator(0, 4, 1, 0.5, 0);
        Operator b = operator(1, 2, 3, 0.5, 1);
        SubnetMeasurement m = measurement(spec("\"metric\":\"MIXED\","
                + "\"metricWeights\":{\"speed\":3,\"storage\":1,\"accuracy\":0}"), new Operator[]{a, b});
        double max = m.measure(0, 0);
        assertThat(m.scores()[0]).isCloseTo(0.75 * 4 / 4 + 0.25 * 1 / 3.0, within(1e-15));
        assertThat(m.scores()[1]).isCloseTo(0.75 * 2 / 4 + 0.25 * 3 / 3.0, within(1e-15));
        assertThat(max).isEqualTo(Math.max(m.scores()[0], m.scores()[1]));
        assertThat(m.mainResource()).isZero();
        assertThat(m.uses(0)).isTrue();
        assertThat(m.uses(2)).isFalse();
        assertThat(m.scoreOf(2, 3, 0.5, 4, 3, 1)).isEqualTo(m.scores()[1]);
    }

    @Test
    void accuracyIsTheFractionOfTasksSolvedAndACopierAnswersWithTheLeadersQuality() {
        Operator leader = operator(0, 1, 1, 0.999_999_999, 0);
        Operator weak = operator(1, 1, 1, 1e-9, 1);
        Operator copier = operator(2, 1, 1, 1e-9, 2);
        copier.copier = true;
        SubnetMeasurement m = measurement(spec("\"metric\":\"ACCURACY\","
                + "\"verification\":{\"copyDetection\":0}"), new Operator[]{leader, weak, copier});
        m.measure(0, 0);
        // with q at the ends of (0, 1) the binomial is certain: all tasks or none
        assertThat(m.scores()).containsExactly(1, 0, 1);
    }
}
