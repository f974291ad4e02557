package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellStaleness;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.InvalidNotebookException;
import io.incentivelab.notebook.Markdown;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookProblem;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Problem;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Malformed and hostile notebook files thrown at the notebook reader ({@link NotebookCodec#readFile}, which
 * {@code NotebookService.importFile}, the home page's import and {@code POST/PUT /api/notebooks} use): every one
 * is either read, or refused with problems that each name a field by JSON path — never another exception, a hang
 * or an out-of-memory. A file that is read is then safe for everything that opens a notebook: its notes render
 * without script, its scenarios and experiment cells are checked with field problems, staleness is computed, and
 * it writes and reads back equal.
 */
class HostileNotebookProperties {

    private static final List<String> BASES = List.of(
            HostileDocuments.read("data/examples/reward-curves.notebook.json"),
            HostileDocuments.read("data/examples/speed-storage-accuracy.notebook.json"),
            HostileDocuments.read("data/examples/verification.notebook.json"));
    private static final Duration BOUND = Duration.ofSeconds(20);
    /** Kinds that always break a notebook (a scenario inside a cell is kept as typed, so nesting there is allowed). */
    private static final Set<String> ALWAYS_INVALID = Set.of("nan", "infinity", "truncated", "notJson", "bareNaN",
            "deepText", "empty", "array");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final SimulationEngine ENGINE = new SimulationEngine();
    private static final List<String> HOSTILE_TEXT = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
            "[x](javascript:alert(3))", "<iframe src=//evil>", "\u0000\uFFFF\uD800", "'; DROP TABLE notebook; --",
            "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "x".repeat(70_000), "# ".repeat(5_000),
            ">".repeat(10_000) + " deep quote", "*".repeat(20_000));

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of(Stream.concat(HostileDocuments.KINDS.stream(),
                HostileDocuments.TEXT_KINDS.stream()).toList());
    }

    @Property(tries = 150)
    void mutatedExampleNotebooksAreReadOrRefusedFieldByField(@ForAll("kinds") String kind, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int base) {
        String doc = HostileDocuments.mutate(BASES.get(base), kind, seed);
        NotebookFile file = readOrProblems(doc);
        if (ALWAYS_INVALID.contains(kind)) {
            assertThat(file).as(kind).isNull();
        }
        if (file != null) {
            safeToOpen(file);
        }
    }

    @Property(tries = 200)
    void hostileCellsAreReadOrRefusedFieldByField(@ForAll long seed) {
        Random random = new Random(seed);
        ObjectNode root = F.objectNode();
        root.set("formatVersion", random.nextInt(4) == 0 ? value(random, 2) : F.numberNode(1));
        root.set("title", random.nextInt(3) == 0 ? value(random, 2) : F.textNode(text(random)));
        ArrayNode cells = root.putArray("cells");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            cells.add(cell(random, i));
        }
        if (random.nextInt(3) == 0) {
            ObjectNode outputs = root.putObject("outputs");
            outputs.set(random.nextBoolean() ? "c0" : text(random), value(random, 3));
        }
        NotebookFile file = readOrProblems(root.toString());
        if (file != null) {
            safeToOpen(file);
        }
    }

    @Property(tries = 60)
    void hostileMarkdownIsReadAndRendersWithoutScript(@ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            md.append(HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()))).append(random.nextBoolean() ? "\n\n" : " ");
        }
        ObjectNode root = F.objectNode().put("formatVersion", 1).put("title", "t");
        root.putArray("cells").addObject().put("id", "n1").put("type", "NOTE").put("markdown", md.toString());
        NotebookFile file = readOrProblems(root.toString());
        if (md.length() > NotebookCodec.MAX_MARKDOWN) {
            assertThat(file).isNull();
            assertThat(problems(root.toString())).extracting(NotebookProblem::path).containsExactly("$.cells[0].markdown");
        } else {
            assertThat(file).isNotNull();
            safeToOpen(file);
        }
    }

    /** The file read, or null when it was refused with field problems (anything else fails the property). */
    private static NotebookFile readOrProblems(String doc) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                return NotebookCodec.readFile(doc);
            } catch (InvalidNotebookException e) {
                assertThat(e.problems()).isNotEmpty();
                for (NotebookProblem p : e.problems()) {
                    assertThat(p.path()).startsWith("$");
                    assertThat(p.path().length()).isLessThan(400);
                    assertThat(p.message()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
                    assertThat(p.message().length()).as("a message stays short: " + p.path() + ": " + p.message().substring(0, Math.min(200, p.message().length()))).isLessThan(2_000);
                }
                return null;
            }
        });
    }

    private static List<NotebookProblem> problems(String doc) {
        try {
            NotebookCodec.readFile(doc);
            return List.of();
        } catch (InvalidNotebookException e) {
            return e.problems();
        }
    }

    /** What opening, checking and saving a notebook does with its cells: none of it may throw. */
    private static void safeToOpen(NotebookFile file) {
        assertTimeoutPreemptively(BOUND, () -> {
            for (Cell cell : file.document().cells()) {
                if (cell instanceof NoteCell note) {
                    String html = Markdown.toSafeHtml(note.markdown()).toLowerCase(Locale.ROOT);
                    assertThat(html).doesNotContain("<script").doesNotContain("<iframe").doesNotContainPattern("(href|src)\\s*=\\s*[\"']?\\s*javascript:")
                            .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
                } else if (cell instanceof ScenarioCell sc) {
                    List<Problem> problems = ScenarioCodec.problems(sc.scenario().toString());
                    problems.forEach(p -> assertThat(p.path()).startsWith("$"));
                } else if (cell instanceof ExperimentCell e && !e.scenarioCellIds().isEmpty()) {
                    try {
                        ExperimentSpecCodec.check(NotebookRuns.spec(file.document(), e), ExperimentLimits.DEFAULT,
                                ENGINE::validate);
                    } catch (InvalidExperimentException ex) {
                        ex.problems().forEach(p -> assertThat(p.path()).startsWith("$"));
                    }
                }
            }
            CellStaleness.of(file.document(), file.outputs(), e -> null);
            String written = NotebookCodec.writeFile(file);
            assertThat(NotebookCodec.readFile(written)).isEqualTo(file);
        });
    }

    private static ObjectNode cell(Random random, int i) {
        ObjectNode c = F.objectNode();
        List<String> types = List.of("NOTE", "SCENARIO", "EXPERIMENT", "CHART", "COMPARE", "note", "SCRIPT", "");
        c.put("id", random.nextInt(5) == 0 ? text(random) : "c" + (random.nextInt(4) == 0 ? 0 : i));
        if (random.nextInt(8) != 0) {
            c.set("type", random.nextInt(8) == 0 ? value(random, 1) : F.textNode(types.get(random.nextInt(types.size()))));
        }
        List<String> fields = List.of("markdown", "label", "scenario", "scenarioCellIds", "combine", "axes", "replicates",
                "seed", "lastExperimentId", "experimentCellId", "kind", "metric", "points", "pointA", "pointB",
                "filter", "unexpected");
        int k = random.nextInt(6);
        for (int j = 0; j < k; j++) {
            String name = fields.get(random.nextInt(fields.size()));
            c.set(name, switch (name) {
                case "scenario" -> random.nextBoolean() ? scenario(random) : value(random, 3);
                case "scenarioCellIds" -> F.arrayNode().add("c" + random.nextInt(5));
                case "axes" -> F.arrayNode().add(F.objectNode().put("path", random.nextBoolean() ? "$.subnets[0].rewardCurve.alpha"
                        : text(random)).set("values", value(random, 2)));
                default -> value(random, 3);
            });
        }
        return c;
    }

    private static JsonNode scenario(Random random) {
        ObjectNode s = F.objectNode().put("schemaVersion", 1);
        ObjectNode subnet = s.putArray("subnets").addObject().put("name", "sn");
        if (random.nextBoolean()) {
            subnet.set(List.of("metric", "rewardCurve", "miners", "validators", "limits").get(random.nextInt(5)), value(random, 3));
        }
        return s;
    }

    /** A random JSON value: numbers at the edges, hostile text, arrays, objects, nesting. */
    private static JsonNode value(Random random, int depth) {
        int pick = random.nextInt(depth > 0 ? 12 : 8);
        return switch (pick) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextInt(7) - 3);
            case 3 -> F.numberNode(List.of(1e308, -1e308, 4.9e-324, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53).get(random.nextInt(6)).doubleValue());
            case 4 -> F.numberNode(new BigInteger("9".repeat(1 + random.nextInt(60))));
            case 5, 6 -> F.textNode(text(random));
            case 7 -> F.textNode(List.of("GRID", "ZIP", "LIST", "RANGE", "SOBOL", "COMPLETED").get(random.nextInt(6)));
            case 8 -> {
                ArrayNode a = F.arrayNode();
                int n = random.nextInt(4) == 0 ? 50_000 : random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(n > 10 ? F.numberNode(i) : value(random, depth - 1));
                }
                yield a;
            }
            case 9 -> {
                JsonNode nested = F.numberNode(1);
                for (int i = 0; i < 300; i++) {
                    nested = random.nextBoolean() ? F.arrayNode().add(nested) : F.objectNode().set("x", nested);
                }
                yield nested;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = 0; i < random.nextInt(4); i++) {
                    o.set(random.nextBoolean() ? "kind" : text(random), value(random, depth - 1));
                }
                yield o;
            }
        };
    }

    private static String text(Random random) {
        return HOSTILE_TEXT.get(random.nextInt(HOSTILE_TEXT.size()));
    }
}
