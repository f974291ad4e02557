package io.incentivelab.scenario;

import io.incentivelab.simulation.RunSummary;
import io.incentivelab.simulation.Simulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged examples are found on the classpath, valid, self-describing, and show their answer. */
class ExampleCatalogTest {

    @Test
    void listsThePackagedScenarioExamples() {
        assertThat(ExampleCatalog.list()).extracting(ExampleCatalog.Example::fileName)
                .contains("reward-curves.scenario.json", "speed-storage-accuracy.scenario.json",
                        "verification.scenario.json");
        for (ExampleCatalog.Example e : ExampleCatalog.list()) {
            assertThat(e.description()).as(e.fileName()).endsWith("?");
            assertThat(e.scenario().schemaVersion()).isEqualTo(1);
        }
        assertThat(ExampleCatalog.find("nope.scenario.json")).isEmpty();
    }

    @Test
    void rewardCurvesExampleOrdersConcentrationBySteepness() {
        RunSummary r = new Simulator(ExampleCatalog.find("reward-curves.scenario.json").orElseThrow().scenario())
                .run(1).summary();
        assertThat(r.subnet("winner-take-all").giniEmission()).isGreaterThan(r.subnet("power2").giniEmission());
        assertThat(r.subnet("power2").giniEmission()).isGreaterThan(r.subnet("proportional").giniEmission());
        // with a moving population the winner can change within the summary window, so the top operator holds most
        // of the window's emission, not all of it
        assertThat(r.subnet("winner-take-all").top1Share()).isGreaterThan(0.6)
                .isGreaterThan(r.subnet("power2").top1Share());
    }

    @Test
    void verificationExampleShowsCheatersWinOnlyUnderWeakChecks() {
        RunSummary r = new Simulator(ExampleCatalog.find("verification.scenario.json").orElseThrow().scenario())
                .run(1).summary();
        assertThat(r.subnet("weak").value("cheaterEmissionShare")).isGreaterThan(0.3);
        assertThat(r.subnet("strong").value("cheaterEmissionShare")).isLessThan(0.02);
    }
}
