package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.LiquidAlphaMode;
import io.incentivelab.simulation.model.Scenario;
import org.junit.jupiter.api.Test;

/** {@code yuma.liquidAlphaMode}: CURRENT by default and left out of the canonical form; AUTO changes a run only where it should. */
class LiquidAlphaModeTest {

    private static String scenario(String yuma) {
        return """
                {"schemaVersion": 1, "name": "la",
                 "network": {"horizonEpochs": 40, "sampleEveryEpochs": 10},
                 "subnets": [{"name": "speed", "yuma": %s,
                   "miners": {"operators": 12}, "validators": {"count": 6, "noiseSigma": 0.3}}]}"""
                .formatted(yuma);
    }

    private static String run(String yuma) {
        Scenario s = ScenarioCodec.parse(scenario(yuma));
        return RunOutput.toJson(s, new Simulator(s).run(5), false).replace(ScenarioCodec.hash(s), "HASH");
    }

    @Test
    void currentIsTheDefaultAndIsLeftOutOfTheCanonicalForm() {
        Scenario s = ScenarioCodec.parse(scenario("{\"liquidAlpha\": true}"));
        assertThat(s.subnets().get(0).yuma().liquidAlphaMode()).isEqualTo(LiquidAlphaMode.CURRENT);
        assertThat(ScenarioCodec.toJson(s)).doesNotContain("liquidAlphaMode");
        Scenario auto = ScenarioCodec.parse(scenario("{\"liquidAlpha\": true, \"liquidAlphaMode\": \"AUTO\"}"));
        assertThat(ScenarioCodec.toJson(auto)).contains("\"liquidAlphaMode\"");
        assertThat(ScenarioCodec.parse(ScenarioCodec.toJson(auto))).isEqualTo(auto);
        assertThat(ScenarioCodec.hash(auto)).isNotEqualTo(ScenarioCodec.hash(s));
        assertThatThrownBy(() -> ScenarioCodec.parse(scenario("{\"liquidAlphaMode\": \"SOMETIMES\"}")))
                .isInstanceOf(InvalidScenarioException.class).hasMessageContaining("$.subnets[0].yuma.liquidAlphaMode")
                .hasMessageContaining("AUTO");
    }

    @Test
    void autoChangesTheRunOnlyWithLiquidAlphaOnAndBetaOne() {
        String current = run("{\"liquidAlpha\": true}");
        assertThat(run("{\"liquidAlpha\": true, \"liquidAlphaMode\": \"AUTO\"}")).isNotEqualTo(current);
        // β < 1: Auto reads the current consensus
        assertThat(run("{\"liquidAlpha\": true, \"liquidAlphaMode\": \"AUTO\", \"bondsPenalty\": 0.5}"))
                .isEqualTo(run("{\"liquidAlpha\": true, \"bondsPenalty\": 0.5}"));
        // liquid alpha off: the mode is not read
        assertThat(run("{\"liquidAlphaMode\": \"AUTO\"}")).isEqualTo(run("{}"));
    }
}
