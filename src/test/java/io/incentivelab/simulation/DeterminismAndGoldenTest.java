package io.incentivelab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * model.md §10: a run is a pure function of (scenario, seed, engine version). Golden output: the full JSON
 * of a small scenario for seed 42 is committed per engine version; when results change on purpose, bump
 * {@link Simulator#ENGINE_VERSION} and regenerate with {@code -Dgolden.regenerate=true}.
 */
class DeterminismAndGoldenTest {

    static final String SMALL = """
            {"schemaVersion": 1, "name": "golden-small",
             "network": {"horizonEpochs": 30, "sampleEveryEpochs": 10},
             "subnets": [
               {"name": "speed", "rewardCurve": {"type": "POWER", "alpha": 2},
                "miners": {"operators": 6, "uidsPerOperator": 2}, "validators": {"count": 4, "weightCopierFraction": 0.25}},
               {"name": "storage", "metric": "STORAGE", "miners": {"operators": 8, "cheaterFraction": 0.25},
                "validators": {"count": 3}}
             ]}""";

    private static final Path GOLDEN = Path.of("src/test/resources/golden/" + Simulator.ENGINE_VERSION + "-small-seed42.json");

    private static String output(Scenario s, long seed) {
        return RunOutput.toJson(s, new Simulator(s).run(seed), true) + "\n";
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
        Scenario s = ScenarioCodec.parse(SimulatorInvariantTest.EVERYTHING);
        String a = output(s, 7);
        assertThat(output(ScenarioCodec.parse(SimulatorInvariantTest.EVERYTHING), 7)).isEqualTo(a);
        assertThat(output(s, 8)).isNotEqualTo(a);
        assertThat(a).doesNotContain("NaN").contains("\"seed\" : 7").contains(ScenarioCodec.hash(s))
                .contains("\"engineVersion\" : \"" + Simulator.ENGINE_VERSION + "\"");
    }

    @Test
    void concurrentRunsOnSeveralThreadsGiveTheSameBytes() throws Exception {
        Scenario s = ScenarioCodec.parse(SimulatorInvariantTest.EVERYTHING);
        Simulator shared = new Simulator(s);
        String expected = RunOutput.toJson(s, shared.run(11), false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> RunOutput.toJson(s, shared.run(11), false)));
            }
            for (Future<String> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void steppingSubnetsOnSeveralThreadsGivesTheSameBytes() {
        Scenario s = ScenarioCodec.parse(SimulatorInvariantTest.EVERYTHING);
        String one = RunOutput.toJson(s, new Simulator(s, 1).run(13), false);
        assertThat(RunOutput.toJson(s, new Simulator(s, 2).run(13), false)).isEqualTo(one);
        assertThat(RunOutput.toJson(s, new Simulator(s, 3).run(13), false)).isEqualTo(one);
        assertThat(RunOutput.toJson(s, new Simulator(s, 16).run(13), false)).isEqualTo(one);
    }

    @Test
    void aSubnetsResultsDoNotDependOnTheOtherSubnets() {
        // random streams are derived per (seed, subnet index): adding a subnet after it changes nothing in it
        Scenario one = ScenarioCodec.parse("""
                {"network": {"horizonEpochs": 20, "emissionSplit": "FIXED"},
                 "subnets": [{"name": "a", "miners": {"operators": 10}, "validators": {"count": 4}}]}""");
        Scenario two = ScenarioCodec.parse("""
                {"network": {"horizonEpochs": 20, "emissionSplit": "FIXED"},
                 "subnets": [{"name": "a", "miners": {"operators": 10}, "validators": {"count": 4}},
                             {"name": "b", "emissionShare": 0, "miners": {"operators": 5}, "validators": {"count": 2}}]}""");
        var a1 = new Simulator(one).run(5).summary().subnet("a").values();
        var a2 = new Simulator(two).run(5).summary().subnet("a").values();
        assertThat(a2).isEqualTo(a1);
    }

    @Test
    void goldenOutputForSeed42() throws IOException {
        Scenario s = ScenarioCodec.parse(SMALL);
        String actual = output(s, 42);
        if (Boolean.getBoolean("golden.regenerate")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file for engine version " + Simulator.ENGINE_VERSION
                + " (regenerate deliberately with -Dgolden.regenerate=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
