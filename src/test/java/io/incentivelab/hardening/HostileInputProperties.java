package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.incentivelab.cli.Cli;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.experiment.SpecProblem;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Malformed and hostile scenario and experiment documents thrown at the validators and the CLI: every one is
 * answered by a list of problems, each naming a field by its JSON path (or {@code $} for the whole document), or
 * by exit code 2 with the message on standard error — never an exception, a hang or an out-of-memory.
 */
class HostileInputProperties {

    private static final String SCENARIO = HostileDocuments.read("data/examples/reward-curves.scenario.json");
    private static final String EXPERIMENT = HostileDocuments.read("data/examples/curve-comparison.experiment.json");
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Set<String> ALWAYS_INVALID = Set.of("nan", "infinity", "deepNesting",
            "hugeArray", "truncated", "notJson", "bareNaN", "deepText", "empty", "array");

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of(concat(HostileDocuments.KINDS, HostileDocuments.TEXT_KINDS));
    }

    @Property(tries = 120)
    void scenarioValidatorNamesTheFieldOfEveryProblem(@ForAll("kinds") String kind, @ForAll long seed) {
        String doc = HostileDocuments.mutate(SCENARIO, kind, seed);
        List<Problem> problems = assertTimeoutPreemptively(BOUND, () -> ScenarioCodec.problems(doc));
        for (Problem p : problems) {
            assertThat(p.path()).startsWith("$");
            assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
        if (ALWAYS_INVALID.contains(kind)) {
            // the other kinds may leave a valid document (an optional field removed, a text replaced by a text)
            assertThat(problems).as(kind).isNotEmpty();
        }
    }

    @Property(tries = 80)
    void experimentValidatorNamesTheFieldOfEveryProblem(@ForAll("kinds") String kind, @ForAll long seed) {
        String doc = HostileDocuments.mutate(EXPERIMENT, kind, seed);
        SimulationEngine engine = new SimulationEngine();
        List<SpecProblem> problems = assertTimeoutPreemptively(BOUND, () -> {
            try {
                ExperimentSpecCodec.parse(doc, ExperimentLimits.DEFAULT, engine::validate);
                return List.<SpecProblem>of();
            } catch (InvalidExperimentException e) {
                return e.problems();
            }
        });
        for (SpecProblem p : problems) {
            assertThat(p.path()).startsWith("$");
            assertThat(p.message()).isNotBlank().doesNotContain("\tat ");
        }
    }

    @Property(tries = 40)
    void cliAnswersBadFilesWithExitCode2AndTheField(@ForAll("kinds") String kind, @ForAll long seed) throws Exception {
        String doc = HostileDocuments.mutate(SCENARIO, kind, seed);
        Path file = Files.createTempFile("hostile-", ".scenario.json");
        try {
            Files.writeString(file, doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(BOUND, () -> Cli.run(new String[] {"validate", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(stderr).isIn(0, 2);
            if (code == 0) {
                assertThat(stdout.strip()).isEqualTo("valid");
            } else {
                assertThat(stdout + stderr).contains("$").doesNotContain("\tat ");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
