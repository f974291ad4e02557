package io.incentivelab.notebook.app;

import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.CellStaleness;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.ChartOutput;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.NotebookConfiguration;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookProblem;
import io.incentivelab.notebook.NotebookRunEvent;
import io.incentivelab.notebook.NotebookRunListeners;
import io.incentivelab.notebook.NotebookRunStarted;
import io.incentivelab.notebook.NotebookRunner;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.SharedLink;
import io.incentivelab.notebook.sharing.SnapshotService;
import io.incentivelab.scenario.ExampleCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * What the notebook page does, in one place: load and save a notebook, check, preview, start and follow its
 * experiment cells, draw its charts and comparisons, "Run all", and share it. It delegates to the notebook's
 * services and adds no rules of its own; work that takes long runs on the notebook task executor and comes back
 * as a future or as events, never on the caller's (the UI's) thread. Owner keys are checked where the services
 * check them.
 */
@Service
public class NotebookApplicationService {

    private final NotebookService notebooks;
    private final NotebookRuns runs;
    private final NotebookAnalysis analysis;
    private final NotebookRunner runner;
    private final NotebookRunListeners runListeners;
    private final SnapshotService snapshots;
    private final TaskExecutor executor;
    private final Map<String, String> scenarioPresets;

    NotebookApplicationService(NotebookService notebooks, NotebookRuns runs, NotebookAnalysis analysis,
            NotebookRunner runner, NotebookRunListeners runListeners, SnapshotService snapshots,
            @Qualifier(NotebookConfiguration.EXECUTOR) TaskExecutor executor) {
        this.notebooks = notebooks;
        this.runs = runs;
        this.analysis = analysis;
        this.runner = runner;
        this.runListeners = runListeners;
        this.snapshots = snapshots;
        this.executor = executor;
        Map<String, String> presets = new LinkedHashMap<>();
        ExampleCatalog.list().forEach(e -> presets.put(e.name(), e.json()));
        this.scenarioPresets = Collections.unmodifiableMap(presets);
    }

    // --- loading and saving

    /** A stored notebook the owner key may edit. */
    public Optional<Notebook> find(String id, OwnerKey owner) {
        return notebooks.find(id, owner);
    }

    /** A read-only example notebook. */
    public Optional<Notebook> findExample(String name) {
        return notebooks.findExample(name);
    }

    /** The owner's own copy of an example. */
    public Notebook copyExample(String name, OwnerKey owner) {
        return notebooks.copyExample(name, owner);
    }

    /** The notebook as a file (JSON). */
    public String exportFile(Notebook notebook) {
        return notebooks.exportFile(notebook);
    }

    /** @see NotebookService#save */
    public long save(String id, NotebookDocument document, long expectedVersion, OwnerKey owner) {
        return notebooks.save(id, document, expectedVersion, owner);
    }

    /** The example scenarios a scenario cell may start from: display name → scenario JSON, in order. */
    public Map<String, String> scenarioPresets() {
        return scenarioPresets;
    }

    // --- experiment cells

    /** @see NotebookRuns#check */
    public List<NotebookProblem> check(NotebookDocument document, ExperimentCell cell) {
        return runs.check(document, cell);
    }

    /** @see NotebookRuns#preview */
    public CostPreview preview(NotebookDocument document, ExperimentCell cell) {
        return runs.preview(document, cell);
    }

    /** @see NotebookRuns#start */
    public ExperimentProgress start(String notebookId, OwnerKey owner, NotebookDocument document, ExperimentCell cell) {
        return runs.start(notebookId, owner, document, cell);
    }

    /** Asks a running experiment to stop. */
    public void cancel(String experimentId) {
        runs.cancel(experimentId);
    }

    /** The output an experiment has now. */
    public Optional<ExperimentOutput> output(String experimentId) {
        return runs.output(experimentId);
    }

    /** @see NotebookRuns#subscribe */
    public Runnable subscribe(String experimentId, Consumer<ExperimentProgress> listener) {
        return runs.subscribe(experimentId, listener);
    }

    /** @see NotebookRuns#ensureOutput */
    public void ensureOutput(String notebookId, ExperimentCell cell, CellOutput stored) {
        runs.ensureOutput(notebookId, cell, stored);
    }

    /** @see NotebookRuns#sensitivity */
    public SensitivityAnalysis.Result sensitivity(NotebookDocument document, ExperimentCell cell, ExperimentOutput output) {
        return runs.sensitivity(document, cell, output);
    }

    /**
     * After an experiment of the notebook ended: makes sure its output is stored as its cell's, in the background.
     * Nothing is stored for a read-only example ({@code notebookId} null).
     */
    public CompletableFuture<Void> experimentEnded(String notebookId, OwnerKey owner, String cellId, String experimentId) {
        return CompletableFuture.runAsync(() -> {
            if (notebookId != null) {
                runner.storeOutput(notebookId, owner, cellId, experimentId);
            }
        }, executor);
    }

    // --- charts, comparisons, staleness

    /** The state of every cell's output. */
    public Map<String, CellStaleness.State> states(NotebookDocument document, Map<String, CellOutput> outputs) {
        return analysis.states(document, outputs);
    }

    /** The cells "Run all" would run. */
    public List<Cell> toRun(NotebookDocument document, Map<String, CellOutput> outputs,
            Map<String, CellStaleness.State> states) {
        return analysis.toRun(document, outputs, states);
    }

    /**
     * Draws a chart in the background and stores it as the cell's output ({@code notebookId} null: a read-only
     * example, nothing stored). The future fails with {@link IllegalStateException} when the chart cannot be drawn.
     */
    public CompletableFuture<ChartOutput> chart(String notebookId, NotebookDocument document,
            Supplier<Map<String, CellOutput>> outputs, ChartCell cell) {
        return inBackground(notebookId, cell.id(), () -> analysis.chart(document, outputs.get(), cell));
    }

    /** Compares two points in the background, stored like {@link #chart}. */
    public CompletableFuture<CompareOutput> compare(String notebookId, NotebookDocument document,
            Supplier<Map<String, CellOutput>> outputs, CompareCell cell) {
        return inBackground(notebookId, cell.id(), () -> analysis.compare(document, outputs.get(), cell));
    }

    private <T extends CellOutput> CompletableFuture<T> inBackground(String notebookId, String cellId, Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            T out = work.get();
            if (notebookId != null) {
                analysis.store(notebookId, cellId, out);
            }
            return out;
        }, executor);
    }

    // --- Run all

    /** @see NotebookRunner#start */
    public Optional<NotebookRunStarted> runAll(String notebookId, OwnerKey owner) {
        return runner.start(notebookId, owner);
    }

    /** @see NotebookRunner#cancel */
    public boolean cancelRunAll(String runId) {
        return runner.cancel(runId);
    }

    /** The id of the notebook's running "Run all", if any. */
    public Optional<String> runningRunAll(String notebookId) {
        return runner.running(notebookId);
    }

    /** Listens to the notebook's "Run all" events (on the runner's thread); returns the handle that stops it. */
    public Runnable subscribeRuns(String notebookId, Consumer<NotebookRunEvent> listener) {
        return runListeners.subscribe(notebookId, listener);
    }

    // --- sharing

    /** @see SnapshotService#share */
    public SharedLink share(String notebookId, OwnerKey owner) {
        return snapshots.share(notebookId, owner);
    }

    /** @see SnapshotService#links */
    public List<SharedLink> links(String notebookId, OwnerKey owner) {
        return snapshots.links(notebookId, owner);
    }

    /** @see SnapshotService#revoke */
    public boolean revoke(String linkId, OwnerKey owner) {
        return snapshots.revoke(linkId, owner);
    }

    /** @see NotebookService#newEditLink */
    public String newEditLink(String notebookId, OwnerKey owner) {
        return notebooks.newEditLink(notebookId, owner);
    }
}
