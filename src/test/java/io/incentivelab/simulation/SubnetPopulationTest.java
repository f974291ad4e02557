package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.emission.BlockEmission;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.Strategy;
import io.incentivelab.simulation.model.SubnetSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Registration and pruning (model.md §8 "a full subnet prunes the non-immune UID with the lowest emission", yuma.md
 * §10) and the initial population (model.md §6, §8).
 */
class SubnetPopulationTest {

    private static final int IMMUNITY = 100;

    /** Economics on: 2 validators and 6 miner slots (maxUids 8), 3 operators of one UID each in slots 0–2. */
    private static SubnetPopulation population(String validators) {
        Scenario s = ScenarioCodec.parse("{\"economics\":{\"enabled\":true},\"subnets\":[{\"name\":\"a\","
                + "\"limits\":{\"maxUids\":8,\"validatorPermits\":2,\"immunityPeriodBlocks\":" + IMMUNITY + "},"
                + "\"miners\":{\"operators\":3},\"validators\":" + validators + "}]}");
        SubnetSpec spec = s.subnets().get(0);
        return new SubnetPopulation(spec, 0, 1, new SplittableRandom(2), s.economics(), 0, new Operator[6], 0, 1);
    }

    private static SubnetPopulation population() {
        return population("{\"count\":2}");
    }

    private static Operator newcomer(int id) {
        return new Operator(id, Strategy.SPECIALIST, 1, 1, 0.5, 0);
    }

    @Test
    void theInitialOperatorsHoldTheFirstSlotsAndExplicitStakeIsTaken() {
        SubnetPopulation p = population("{\"count\":2,\"stake\":{\"distribution\":\"EXPLICIT\","
                + "\"explicitTao\":[10,30]}}");
        assertThat(p.operators()).hasSize(3);
        for (int j = 0; j < 3; j++) {
            assertThat(p.owners()[j].slots).containsExactly(j);
        }
        assertThat(p.owners()[3]).isNull();
        assertThat(p.occupiedSlots()).isEqualTo(3);
        assertThat(p.stakes()).containsExactly(10 * BlockEmission.RAO_PER_TAO, 30 * BlockEmission.RAO_PER_TAO,
                0, 0, 0, 0, 0, 0);
        p.checkConsistency(8);
    }

    @Test
    void aRegistrationTakesANeverRegisteredSlotFirstAndPrunesNobody() {
        SubnetPopulation p = population();
        long[] lastRao = new long[6];
        Operator op = newcomer(10);
        int j = p.slotFor(500, IMMUNITY, lastRao);
        assertThat(j).isEqualTo(3);
        assertThat(p.assign(op, j, 500)).isNull();
        assertThat(p.registrationBlocks()[2 + 3]).isEqualTo(500);
        assertThat(op.subnet).isZero();
        assertThat(op.slots).containsExactly(3);
        assertThat(p.operators()).contains(op);
        assertThat(p.registrations()).isEqualTo(1);
        assertThat(p.pruned()).isZero();
        p.checkConsistency(8);
    }

    @Test
    void aFullSubnetPrunesTheNonImmuneSlotWithTheLowestEmissionTiesToTheEarlierRegistration() {
        SubnetPopulation p = population();
        long[] lastRao = new long[6];
        for (int k = 0; k < 3; k++) { // fill slots 3, 4, 5 at blocks 10, 20, 30
            Operator op = newcomer(10 + k);
            p.assign(op, p.slotFor(10 + 10 * k, IMMUNITY, lastRao), 10 + 10 * k);
        }
        // slots 0-2 registered at block 0; at block 125 slot 5 (block 30) is still immune
        long[] rao = {50, 40, 40, 40, 40, 1};
        assertThat(p.slotFor(125, IMMUNITY, rao)).as("lowest, then earliest registration, then lower uid").isEqualTo(1);
        rao = new long[]{50, 40, 40, 30, 40, 1};
        assertThat(p.slotFor(125, IMMUNITY, rao)).isEqualTo(3);
        // everybody immune: the same rule over all slots
        assertThat(p.slotFor(5, IMMUNITY, rao)).isEqualTo(5);

        Operator first = p.owners()[3];
        Operator op = newcomer(20);
        assertThat(p.assign(op, 3, 125)).isSameAs(first);
        assertThat(first.subnet).as("its only UID was pruned: it is on no subnet").isEqualTo(-1);
        assertThat(first.slots).isEmpty();
        assertThat(p.operators()).doesNotContain(first).contains(op);
        assertThat(p.pruned()).isEqualTo(1);
        assertThat(p.registrations()).isEqualTo(4);
        p.checkConsistency(8);
        p.resetCounts();
        assertThat(p.registrations()).isZero();
        assertThat(p.pruned()).isZero();
    }

    @Test
    void anAbandonedSlotStaysRegisteredAndEmpty() {
        SubnetPopulation p = population();
        Operator op = p.owners()[1];
        p.abandon(1);
        assertThat(p.owners()[1]).isNull();
        assertThat(p.operators()).doesNotContain(op);
        assertThat(op.subnet).isEqualTo(-1);
        // still registered: a new operator gets a never-registered slot, not slot 1
        assertThat(p.slotFor(500, IMMUNITY, new long[6])).isEqualTo(3);
        p.checkConsistency(8);
    }

    @Test
    void theCartelsUidsFollowItsOperatorsSlots() {
        SubnetPopulation p = population("{\"count\":2,\"cartelFraction\":0.5,\"cartelOperators\":1}");
        assertThat(p.cartelUids()).hasSize(1);
        int j = p.cartelUids()[0];
        assertThat(p.owners()[j].cartel).isTrue();
        p.abandon(j);
        p.rebuild();
        assertThat(p.cartelUids()).isEmpty();
        int behaviours = 0;
        for (int v = 0; v < 2; v++) {
            behaviours += p.behaviour(v) == SubnetPopulation.CARTEL ? 1 : 0;
        }
        assertThat(behaviours).isEqualTo(1);
    }
}
