package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellStalenessTest {

    private final ScenarioCell scenario = new ScenarioCell("s", "", JsonNodeFactory.instance.objectNode().put("name", "a"));
    private final ExperimentCell experiment = new ExperimentCell("e", "", List.of("s"), Combine.GRID, List.of(), 3, 1, "x1");
    private final ChartCell chart = new ChartCell("c", "", "e", "SWEEP", "alpha.giniEmission", List.of());
    private final CompareCell compare = new CompareCell("k", "", "e", 0, 1, "");
    private final NotebookDocument doc = new NotebookDocument(1, "t",
            List.of(new NoteCell("n", "hi"), scenario, experiment, chart, compare));

    private static ExperimentOutput ran(String experimentId, String hash) {
        return new ExperimentOutput(experimentId, "COMPLETED", null, hash, "engine-2", 6, 6, 0, Instant.EPOCH, List.of(),
                List.of());
    }

    @Test
    void nothingRunYet() {
        var s = CellStaleness.of(doc, Map.of(), e -> "h1");
        assertThat(s).containsEntry("n", CellStaleness.State.NONE).containsEntry("s", CellStaleness.State.NONE)
                .containsEntry("e", CellStaleness.State.NOT_RUN).containsEntry("c", CellStaleness.State.NOT_RUN)
                .containsEntry("k", CellStaleness.State.NOT_RUN);
        assertThat(CellStaleness.toRun(doc, s)).extracting(Cell::id).containsExactly("e", "c", "k");
    }

    @Test
    void freshWhenEveryHashMatchesAndStaleDownstreamWhenTheExperimentInputsChange() {
        ExperimentOutput exp = ran("x1", "h1");
        Map<String, CellOutput> outs = new HashMap<>();
        outs.put("e", exp);
        outs.put("c", new ChartOutput(CellStaleness.analysisHash(chart, exp), "x1", null, 0));
        outs.put("k", new CompareOutput(CellStaleness.analysisHash(compare, exp), "x1", "A", "B", List.of(), List.of()));
        var fresh = CellStaleness.of(doc, outs, e -> "h1");
        assertThat(fresh).containsEntry("e", CellStaleness.State.FRESH).containsEntry("c", CellStaleness.State.FRESH)
                .containsEntry("k", CellStaleness.State.FRESH);
        assertThat(CellStaleness.toRun(doc, fresh)).isEmpty();

        // the scenario changed: the experiment's spec hash differs, and everything drawn from it is stale
        var changed = CellStaleness.of(doc, outs, e -> "h2");
        assertThat(changed).containsEntry("e", CellStaleness.State.STALE).containsEntry("c", CellStaleness.State.STALE)
                .containsEntry("k", CellStaleness.State.STALE);
        assertThat(CellStaleness.toRun(doc, changed)).extracting(Cell::id).containsExactly("e", "c", "k");

        // a cell that cannot run as it is (null hash) is stale too
        assertThat(CellStaleness.of(doc, outs, e -> null)).containsEntry("e", CellStaleness.State.STALE);
    }

    @Test
    void aChartIsStaleWhenItsOwnInputsChangeOrTheExperimentRanAgain() {
        ExperimentOutput exp = ran("x1", "h1");
        Map<String, CellOutput> outs = new HashMap<>();
        outs.put("e", exp);
        outs.put("c", new ChartOutput(CellStaleness.analysisHash(chart, exp), "x1", null, 0));
        NotebookDocument edited = doc.replace(chart.withMetric("alpha.top1Share"));
        assertThat(CellStaleness.of(edited, outs, e -> "h1")).containsEntry("c", CellStaleness.State.STALE)
                .containsEntry("e", CellStaleness.State.FRESH);
        outs.put("e", ran("x2", "h1"));
        assertThat(CellStaleness.of(doc, outs, e -> "h1")).containsEntry("c", CellStaleness.State.STALE);
        // the label is presentation only
        NotebookDocument relabelled = doc.replace(new ChartCell("c", "My title", "e", "SWEEP", "alpha.giniEmission", List.of()));
        outs.put("e", exp);
        assertThat(CellStaleness.of(relabelled, outs, e -> "h1")).containsEntry("c", CellStaleness.State.FRESH);
    }
}
