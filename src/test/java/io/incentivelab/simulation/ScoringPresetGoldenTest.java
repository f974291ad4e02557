package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.scoring.ScoringParser;
import io.incentivelab.simulation.scoring.ScoringPresets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden runs of every scoring preset (seed 42, one small subnet with GPU classes and copies): the full run
 * JSON is committed per engine version. Regenerate deliberately with {@code -Dgolden.regenerate=true}.
 */
class ScoringPresetGoldenTest {

    private static final Path DIR = Path.of("src/test/resources/golden/scoring");

    static Scenario presetScenario(String expression) {
        return ScenarioCodec.parse("""
                {"schemaVersion": 1, "name": "preset",
                 "network": {"horizonEpochs": 30, "sampleEveryEpochs": 10},
                 "subnets": [{"name": "p", "rewardCurve": {"type": "POWER", "alpha": 2},
                   "verification": {"duplicateDetection": 0.5},
                   "miners": {"operators": 12, "uidsPerOperator": 2, "gpuClassShares": [0.25, 0.25, 0.25, 0.25]},
                   "validators": {"count": 4}, "scoring": "%s"}]}""".formatted(expression));
    }

    @Test
    void everyPresetParsesPrintsCanonicallyAndHasAGoldenRun() throws IOException {
        Set<String> ids = new HashSet<>();
        for (ScoringPresets.Preset p : ScoringPresets.ALL) {
            assertThat(ids.add(p.id())).as("unique id " + p.id()).isTrue();
            assertThat(ScoringParser.parse(p.expression()).print()).as(p.id()).isEqualTo(p.expression());
            Scenario s = presetScenario(p.expression());
            String actual = RunOutput.toJson(s, new Simulator(s).run(42), true) + "\n";
            Path golden = DIR.resolve(Simulator.ENGINE_VERSION + "-" + p.id() + "-seed42.json");
            if (Boolean.getBoolean("golden.regenerate")) {
                Files.createDirectories(DIR);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden run of preset " + p.id()).exists();
            assertThat(actual).as(p.id()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
            // a preset run pays miners something (the expression does not zero everyone)
            assertThat(new Simulator(s).run(42).summary().subnets().get(0).value("minerEmissionTao"))
                    .as(p.id()).isPositive();
        }
    }
}
