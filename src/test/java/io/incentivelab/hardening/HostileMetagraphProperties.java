package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.incentivelab.cli.Cli;
import io.incentivelab.metagraph.GeneratedSnapshots;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.simulation.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile variants of a generated metagraph snapshot thrown at {@link MetagraphCodec} and at
 * {@code yuma --metagraph}: every one is read or answered by problems naming a JSON path (exit 2 in the CLI) —
 * never an exception, a hang or an out-of-memory.
 */
class HostileMetagraphProperties {

    private static final String SNAPSHOT = GeneratedSnapshots.text(GeneratedSnapshots.generate(5, 4, 12, true));
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Set<String> ALWAYS_INVALID = Set.of("deepNesting", "truncated", "notJson", "deepText",
            "empty", "array");

    @Provide
    Arbitrary<String> kinds() {
        List<String> all = new ArrayList<>(HostileDocuments.KINDS);
        all.addAll(HostileDocuments.TEXT_KINDS);
        return Arbitraries.of(all);
    }

    @Property(tries = 150)
    void everyProblemNamesAPath(@ForAll("kinds") String kind, @ForAll long seed) {
        String doc = HostileDocuments.mutate(SNAPSHOT, kind, seed);
        List<Problem> problems = assertTimeoutPreemptively(BOUND, () -> MetagraphCodec.problems(doc));
        for (Problem p : problems) {
            assertThat(p.path()).startsWith("$");
            assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        }
        if (ALWAYS_INVALID.contains(kind)) {
            assertThat(problems).as(kind).isNotEmpty();
        }
    }

    @Property(tries = 40)
    void theCliAnswersZeroOneOrTwoWithAMessage(@ForAll("kinds") String kind, @ForAll long seed) throws Exception {
        String doc = HostileDocuments.mutate(SNAPSHOT, kind, seed);
        Path file = Files.createTempFile("hostile-metagraph", ".json");
        try {
            Files.writeString(file, doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = assertTimeoutPreemptively(BOUND, () -> Cli.run(new String[] {"yuma", "--metagraph", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            String e = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(e).isIn(0, 1, 2);
            if (code == 2) {
                assertThat(e).contains("$").doesNotContain("Exception");
            } else {
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("max deviation");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
