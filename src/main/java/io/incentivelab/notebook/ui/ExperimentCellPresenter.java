package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.UI;
import io.incentivelab.experiment.CostPreview;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.InvalidExperimentException;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookProblem;
import io.incentivelab.notebook.app.NotebookApplicationService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Connects an experiment cell's editor to the notebook application service: the cost preview (computed off the UI
 * thread), Run and Cancel, and the progress the experiments service pushes from its executor, applied with
 * {@code ui.access} and unsubscribed when the editor leaves the page.
 */
final class ExperimentCellPresenter {

    private final OpenNotebook notebook;
    private final NotebookApplicationService app;
    private final ExperimentCellEditor editor;
    private final Consumer<ExperimentCell> save;
    private final JobsPanel jobs;
    private final AtomicLong previews = new AtomicLong();
    private Runnable unsubscribe = () -> {
    };

    /** @param save saves the cell when a run recorded its experiment's id in it */
    ExperimentCellPresenter(OpenNotebook notebook, ExperimentCellEditor editor, Consumer<ExperimentCell> save,
            JobsPanel jobs, CellOutput stored) {
        this.notebook = notebook;
        this.app = notebook.app();
        this.editor = editor;
        this.save = save;
        this.jobs = jobs;
        editor.setSensitivityAnalyser(o -> app.sensitivity(notebook.document().get(), editor.cell(), o));
        if (stored instanceof ExperimentOutput o) {
            editor.showOutput(o);
        }
        editor.addRunRequestedListener(e -> start());
        editor.addCancelListener(e -> cancel());
        editor.addAttachListener(e -> {
            refreshPreview();
            String id = editor.cell().lastExperimentId();
            if (id != null) {
                if (notebook.id() != null) {
                    app.ensureOutput(notebook.id(), editor.cell(), stored);
                }
                follow(e.getUI(), id, !(stored instanceof ExperimentOutput o && id.equals(o.experimentId())));
            }
        });
        editor.addDetachListener(e -> unsubscribe.run());
    }

    /** The cell's inputs changed: recompute the preview off the UI thread; only the latest request is shown. */
    void refreshPreview() {
        ExperimentCell cell = editor.cell();
        NotebookDocument doc = notebook.document().get();
        long request = previews.incrementAndGet();
        editor.getUI().ifPresent(ui -> CompletableFuture.supplyAsync(() -> preview(doc, cell))
                .thenAccept(result -> ui.access(() -> {
                    if (request == previews.get()) {
                        editor.showPreview(result.text(), result.problems());
                    }
                })));
    }

    private record Preview(String text, List<NotebookProblem> problems) {
    }

    private Preview preview(NotebookDocument doc, ExperimentCell cell) {
        List<NotebookProblem> problems = app.check(doc, cell);
        if (!problems.isEmpty()) {
            return new Preview("", problems);
        }
        try {
            CostPreview c = app.preview(doc, cell);
            String time = c.calibrated() ? "about " + ResultsTable.duration(Math.max(1, Math.round(c.estimatedSeconds())))
                    + " on " + c.threads() + " thread" + (c.threads() == 1 ? "" : "s")
                    + (c.recentExperiments() > 0 ? " (timed here, corrected by " + c.recentExperiments() + " recent experiment"
                    + (c.recentExperiments() == 1 ? "" : "s") + ")" : " (timed here)") : "time unknown";
            return new Preview(c.points() + " point" + (c.points() == 1 ? "" : "s") + " × " + c.replicates()
                    + " replicates = " + c.runs() + " runs · " + time + " · " + kb(c.estimatedBytes()) + " stored", List.of());
        } catch (InvalidExperimentException e) {
            return new Preview("", e.problems().stream().map(p -> new NotebookProblem(p.path(), p.message())).toList());
        }
    }

    private static String kb(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private void start() {
        NotebookDocument doc = notebook.document().get();
        ExperimentCell cell = editor.cell();
        List<NotebookProblem> problems = app.check(doc, cell);
        if (!problems.isEmpty()) {
            editor.showPreview("", problems);
            return;
        }
        ExperimentProgress started = app.start(notebook.id(), notebook.owner(), doc, cell);
        ExperimentCell next = cell.withLastExperimentId(started.id());
        editor.show(next);
        save.accept(next);
        editor.showProgress(started);
        editor.getUI().ifPresent(ui -> follow(ui, started.id(), true));
    }

    /** "Run all" started the cell's experiment and saved the cell: shows it, and follows its progress. */
    void started(ExperimentCell next, ExperimentProgress started) {
        editor.show(next);
        editor.showProgress(started);
        editor.getUI().ifPresent(ui -> follow(ui, started.id(), true));
    }

    String cellId() {
        return editor.cell().id();
    }

    private void cancel() {
        String id = editor.cell().lastExperimentId();
        if (id != null) {
            app.cancel(id);
        }
    }

    /** Follows an experiment's progress until it ends; shows its results then if {@code showResults}. */
    private void follow(UI ui, String experimentId, boolean showResults) {
        unsubscribe.run();
        String label = editor.cell().label().isBlank() ? "Experiment" : editor.cell().label();
        unsubscribe = app.subscribe(experimentId, p -> ui.access(() -> {
            editor.showProgress(p);
            jobs.update(editor.cell().id(), label, p, () -> app.cancel(experimentId));
            if (p.status().terminal() && showResults) {
                // a cancelled or failed run leaves the last complete results on screen
                app.output(experimentId).filter(o -> o.replaces(editor.output())).ifPresent(editor::showOutput);
            }
        }));
    }
}
