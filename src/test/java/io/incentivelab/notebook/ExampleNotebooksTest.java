package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentResults;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import io.incentivelab.simulation.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example notebooks in {@code data/examples/}: each reads, each experiment cell is runnable, and each
 * has a stored output computed from exactly its current inputs (the output's input hash matches).
 * <p>
 * To (re)compute the outputs after changing an example, run the experiments for real and write them back:
 * {@code ./mvnw -q test -Dtest=ExampleNotebooksTest -Dexamples.write=true}. That also draws every chart cell,
 * computes every compare cell from the same runs, and writes the note {@code <x>-answer} from the compare cell
 * {@code <x>-compare}, so the numbers in the examples' prose are computed, never typed.
 */
class ExampleNotebooksTest {

    private static final Path DIR = Path.of("data/examples");
    private static final ExperimentLimits LIMITS = new ExperimentLimits(100_000, 10_000, 10_000);
    private final SimulationEngine engine = new SimulationEngine();

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".notebook.json")).sorted().toList();
        }
    }

    private ExperimentPlan plan(NotebookDocument doc, ExperimentCell cell) {
        return ExperimentPlan.of(ExperimentSpecCodec.check(NotebookRuns.spec(doc, cell), LIMITS, null), engine::validate);
    }

    @Test
    void examplesHaveOutputsOfTheirCurrentInputs() throws Exception {
        boolean write = Boolean.getBoolean("examples.write");
        List<Path> files = files();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            NotebookFile nb = NotebookCodec.readFile(Files.readString(file));
            if (write) {
                nb = compute(nb);
                Files.writeString(file, NotebookCodec.writeFile(nb), StandardCharsets.UTF_8);
            }
            for (Cell c : nb.document().cells()) {
                if (c instanceof ExperimentCell e) {
                    ExperimentPlan plan = plan(nb.document(), e);
                    CellOutput out = nb.outputs().get(e.id());
                    assertThat(out).as(file + " " + e.id() + " has an output (run with -Dexamples.write=true)")
                            .isInstanceOf(ExperimentOutput.class);
                    ExperimentOutput o = (ExperimentOutput) out;
                    assertThat(o.inputHash()).as(file + " " + e.id() + " output is of the current inputs")
                            .isEqualTo(NotebookRuns.hash(plan.spec()));
                    assertThat(o.status()).isEqualTo("COMPLETED");
                    assertThat(o.engine()).as(file + " " + e.id() + " output is of this engine version")
                            .isEqualTo(Simulator.ENGINE_VERSION);
                    assertThat(o.experimentId()).isEqualTo(e.lastExperimentId());
                    assertThat(o.points()).hasSize(plan.points());
                }
            }
            NotebookDocument current = nb.document();
            var states = CellStaleness.of(current, nb.outputs(), e -> NotebookRuns.hash(plan(current, e).spec()));
            for (Cell c : nb.document().cells()) {
                if (c instanceof ChartCell || c instanceof CompareCell) {
                    assertThat(states.get(c.id())).as(file + " " + c.id() + " has an output of its current inputs")
                            .isEqualTo(CellStaleness.State.FRESH);
                }
                if (c instanceof ChartCell) {
                    assertThat(((ChartOutput) nb.outputs().get(c.id())).dataPoints()).as(file + " " + c.id()).isPositive();
                }
            }
        }
    }

    /**
     * Runs every experiment cell for real and stores its output and experiment id; then draws the charts and
     * computes the comparisons from those runs, and writes each answer note from its comparison.
     */
    private NotebookFile compute(NotebookFile nb) throws InterruptedException {
        NotebookDocument doc = nb.document();
        Map<String, CellOutput> outputs = new LinkedHashMap<>(nb.outputs());
        Map<String, ExperimentData> data = new LinkedHashMap<>();
        for (Cell c : nb.document().cells()) {
            if (c instanceof ExperimentCell e) {
                ExperimentPlan plan = plan(doc, e);
                int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
                LocalExperiment run = LocalExperiment.run(plan, engine, threads, Double.NaN, null, true);
                ExperimentOutput out = NotebookRuns.output(new ExperimentResults(run.end(), run.plan(), run.points()));
                outputs.put(e.id(), out);
                data.put(e.id(), ExperimentData.of(run));
                doc = doc.replace(e.withLastExperimentId(out.experimentId()));
            }
        }
        for (Cell c : doc.cells()) {
            if (c instanceof ChartCell ch) {
                outputs.put(c.id(), NotebookAnalysis.chart(ch, (ExperimentOutput) outputs.get(ch.experimentCellId()),
                        data.get(ch.experimentCellId())));
            } else if (c instanceof CompareCell cmp) {
                outputs.put(c.id(), NotebookAnalysis.compare(cmp, (ExperimentOutput) outputs.get(cmp.experimentCellId()),
                        data.get(cmp.experimentCellId())));
            }
        }
        for (Cell c : doc.cells()) {
            if (c instanceof NoteCell n && n.id().endsWith("-answer")) {
                String cmpId = n.id().substring(0, n.id().length() - "-answer".length()) + "-compare";
                CompareCell cmp = (CompareCell) doc.cell(cmpId).orElseThrow();
                CompareOutput o = (CompareOutput) outputs.get(cmpId);
                List<CompareOutput.Row> rows = cmp.filter().isBlank() ? o.rows().stream()
                        .filter(r -> r.metric().endsWith(".top1Share") || r.metric().endsWith(".giniEmission")
                                || r.metric().endsWith(".nakamotoEmission")).toList() : o.rows();
                doc = doc.replace(n.withMarkdown(CompareSummaries.answer(cmp.label(), o, rows)));
            }
        }
        return new NotebookFile(doc, outputs);
    }
}
