package io.incentivelab.metagraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.SubnetSpec;
import io.incentivelab.simulation.model.YumaVersion;
import org.junit.jupiter.api.Test;

/** {@link MetagraphScenario}: validators with their stakes, operators by coldkey, hyperparameters mapped. */
class MetagraphScenarioTest {

    @Test
    void permittedUidsBecomeValidatorsAndColdkeysOperators() {
        ObjectNode s = GeneratedSnapshots.generate(3, 5, 12, false);
        ((ObjectNode) s.get("hparams")).put("kappa", 49151).put("bonds_moving_avg", 0.75).put("max_validators", 32)
                .put("immunity_period", 7200);
        s.put("tempo", 99);
        // 12 miners: coldkeys m0..m3 from the generator (i % 4), so 4 operators of 3 UIDs
        MetagraphScenario.Imported imported = MetagraphScenario.convert(MetagraphCodec.parse(GeneratedSnapshots.text(s)));
        assertThat(imported.validators()).isEqualTo(5);
        assertThat(imported.minerUids()).isEqualTo(12);
        assertThat(imported.operators()).isEqualTo(4);
        assertThat(imported.maxUidsPerOperator()).isEqualTo(3);
        Scenario sc = imported.scenario();
        assertThat(sc.network().tempo()).isEqualTo(99);
        SubnetSpec sub = sc.subnets().get(0);
        assertThat(sub.name()).isEqualTo("subnet-7");
        assertThat(sub.validators().count()).isEqualTo(5);
        assertThat(sub.validators().stake().explicitTao()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(sub.validators().stake().explicitTao().get(i)).isEqualTo(s.get("stake").get(i).asDouble());
        }
        assertThat(sub.miners().operators()).isEqualTo(4);
        assertThat(sub.miners().uidsPerOperator()).isEqualTo(3);
        assertThat(sub.yuma().version()).isEqualTo(YumaVersion.YUMA1);
        assertThat(sub.yuma().kappa()).isEqualTo(49151 / 65535.0);
        assertThat(sub.yuma().bondsMovingAverage()).isEqualTo(0.75);
        assertThat(sub.limits().validatorPermits()).isEqualTo(32);
        assertThat(sub.limits().immunityPeriodBlocks()).isEqualTo(7200);
        assertThat(sc.description()).contains("this is your subnet today".substring(1)).contains("12 miner UIDs of 4 coldkeys");
        // the written form reads back as the same scenario
        assertThat(ScenarioCodec.parse(ScenarioCodec.toJson(sc))).isEqualTo(sc);
    }

    @Test
    void aSnapshotWithoutPermitsCannotBeAScenario() {
        ObjectNode s = GeneratedSnapshots.generate(3, 2, 4, true);
        ArrayNode p = (ArrayNode) s.get("validator_permit");
        p.set(0, false);
        p.set(1, false);
        assertThatThrownBy(() -> MetagraphScenario.convert(MetagraphCodec.parse(GeneratedSnapshots.text(s))))
                .isInstanceOf(InvalidMetagraphException.class)
                .hasMessageContaining("$.validator_permit").hasMessageContaining("at least 1 validator");
    }
}
