package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Format upgrades: scenario, experiment and notebook files as earlier releases wrote them (frozen from git history
 * under {@code src/test/resources/upgrades/}, see its README) read and validate with today's code and keep their
 * meaning: every value the old file states is the value read (fields added since take their defaults — the
 * economics of part 2 stay off, so a part-1 scenario still runs the fixed population), and a notebook upgraded and
 * saved reads back equal.
 */
class FormatUpgradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/resources/upgrades");
    private static final SimulationEngine ENGINE = new SimulationEngine();

    static Stream<Path> scenarios() throws IOException {
        return files("scenario");
    }

    static Stream<Path> experiments() throws IOException {
        return files("experiment");
    }

    static Stream<Path> notebooks() throws IOException {
        return files("notebook");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void oldScenarioFilesReadWithTheSameMeaning(Path file) throws IOException {
        String text = Files.readString(file);
        assertThat(ScenarioCodec.problems(text)).as(file.toString()).isEmpty();
        JsonNode old = JSON.readTree(text);
        scenarioKeepsItsMeaning(old, file.toString());
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void oldExperimentFilesReadWithTheSameMeaning(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode old = JSON.readTree(text);
        ExperimentSpec spec = ExperimentSpecCodec.parse(text, ExperimentLimits.DEFAULT, ENGINE::validate);
        ObjectNode now = ExperimentSpecCodec.toJson(spec);
        assertSubset(old, now, "$", file.toString());
        ExperimentPlan plan = ExperimentPlan.of(spec, ENGINE::validate);
        int points = 1;
        for (JsonNode axis : old.path("sweep").path("axes")) {
            points *= axis.has("values") ? axis.get("values").size() : axis.has("steps") ? axis.get("steps").asInt() : axis.get("n").asInt();
        }
        assertThat(plan.runs()).as("runs as the old file means them")
                .isEqualTo(old.get("scenarios").size() * points * old.get("replicates").asInt());
        assertThat(ExperimentSpecCodec.parse(now.toString(), ExperimentLimits.DEFAULT)).as("stored form reads back")
                .isEqualTo(spec);
        for (JsonNode s : old.get("scenarios")) {
            scenarioKeepsItsMeaning(s.get("scenario"), file + " " + s.get("label"));
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void oldNotebookFilesReadWithTheSameMeaningAndSaveBackEqual(Path file) throws IOException {
        String text = Files.readString(file);
        ObjectNode old = (ObjectNode) JSON.readTree(text);
        NotebookFile nb = NotebookCodec.readFile(text);

        ObjectNode oldDocument = old.deepCopy();
        oldDocument.remove("outputs");
        assertSubset(oldDocument, JSON.readTree(NotebookCodec.writeDocument(nb.document())), "$", file.toString());
        assertThat(nb.outputs().keySet()).containsExactlyInAnyOrderElementsOf(iterable(old.get("outputs").fieldNames()));
        for (Map.Entry<String, CellOutput> e : nb.outputs().entrySet()) {
            assertSubset(old.get("outputs").get(e.getKey()), JSON.readTree(NotebookCodec.writeOutput(e.getValue())),
                    "$.outputs." + e.getKey(), file.toString());
        }
        for (Cell cell : nb.document().cells()) {
            if (cell instanceof ScenarioCell sc) {
                assertThat(ScenarioCodec.problems(sc.scenario().toString())).as(file + " " + sc.id()).isEmpty();
                scenarioKeepsItsMeaning(sc.scenario(), file + " " + sc.id());
            } else if (cell instanceof ExperimentCell ec) {
                ExperimentSpecCodec.check(NotebookRuns.spec(nb.document(), ec), ExperimentLimits.DEFAULT,
                        ENGINE::validate);
            }
        }

        // upgraded, then saved (as the app writes it), reads back equal; saving again changes no byte
        String saved = NotebookCodec.writeFile(nb);
        NotebookFile again = NotebookCodec.readFile(saved);
        assertThat(again).isEqualTo(nb);
        assertThat(NotebookCodec.writeFile(again)).isEqualTo(saved);
        assertThat(NotebookCodec.readDocument(NotebookCodec.writeDocument(nb.document()))).isEqualTo(nb.document());
    }

    /** Every value the old scenario states is read as such; economics (added in part 2) stays off unless stated. */
    private static void scenarioKeepsItsMeaning(JsonNode old, String what) {
        Scenario s = ScenarioCodec.parse(old);
        ObjectNode full = ScenarioCodec.toJsonNode(s);
        assertSubset(old, full, "$", what);
        if (!old.has("economics")) {
            assertThat(full.at("/economics/enabled").asBoolean()).as(what + ": economics off as before part 2").isFalse();
        }
        assertThat(ScenarioCodec.parse(ScenarioCodec.canonicalJson(s))).as(what + ": full form reads back").isEqualTo(s);
    }

    /** Each leaf of {@code old} is in {@code now} at the same path with the same value (numbers by value). */
    static void assertSubset(JsonNode old, JsonNode now, String path, String what) {
        assertSubset(old, now, path, what, Set.of());
    }

    /**
     * As above; a field named in {@code omittedAtDefault} may be missing from {@code now} (the full form leaves
     * such fields out while they hold their default, see Field.omitDefault; the round trip checks equality).
     */
    static void assertSubset(JsonNode old, JsonNode now, String path, String what, Set<String> omittedAtDefault) {
        assertThat(now).as(what + " " + path + " is kept").isNotNull();
        assertThat(now.isMissingNode()).as(what + " " + path + " is kept").isFalse();
        if (old.isObject()) {
            assertThat(now.isObject()).as(what + " " + path).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (omittedAtDefault.contains(e.getKey()) && now.path(e.getKey()).isMissingNode()) {
                    continue;
                }
                assertSubset(e.getValue(), now.path(e.getKey()), path + "." + e.getKey(), what, omittedAtDefault);
            }
        } else if (old.isArray()) {
            assertThat(now.size()).as(what + " " + path + " size").isEqualTo(old.size());
            for (int i = 0; i < old.size(); i++) {
                assertSubset(old.get(i), now.get(i), path + "[" + i + "]", what, omittedAtDefault);
            }
        } else if (old.isNumber()) {
            assertThat(now.isNumber()).as(what + " " + path).isTrue();
            assertThat(now.doubleValue()).as(what + " " + path).isEqualTo(old.doubleValue());
        } else if (old.isNull()) {
            assertThat(now.isNull() || now.isMissingNode()).as(what + " " + path + " stays null").isTrue();
        } else {
            assertThat(now).as(what + " " + path).isEqualTo(old);
        }
    }

    private static Stream<Path> files(String kind) throws IOException {
        List<Path> list;
        try (Stream<Path> s = Files.list(DIR.resolve(kind))) {
            list = s.sorted().toList();
        }
        assertThat(list).isNotEmpty();
        return list.stream();
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
