package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.UI;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.CellStaleness;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.ChartOutput;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookRuns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the notebook's chart and compare cells to {@link NotebookAnalysis}, shows each cell's staleness
 * badge, and runs "Run all". Charts and comparisons are computed off the UI thread and applied with
 * {@code ui.access}; "Run all" walks the stale cells top to bottom on a background thread, starting each
 * experiment through its own cell (so its progress shows as usual) and waiting for it to end before the
 * cells below that use it.
 */
final class AnalysisPresenter {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPresenter.class);
    /** Background work of the notebook views: drawing, comparing, waiting for experiments in "Run all". */
    private static final ExecutorService WORK = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "notebook-analysis");
        t.setDaemon(true);
        return t;
    });

    private final NotebookAnalysis analysis;
    private final NotebookRuns runs;
    private final String notebookId;
    private final Supplier<NotebookDocument> document;
    private final Supplier<Map<String, CellOutput>> outputs;
    private final Supplier<List<CellCard>> cards;
    private final Set<String> watched = new HashSet<>();
    private final List<Runnable> subscriptions = new ArrayList<>();
    private final AtomicBoolean runningAll = new AtomicBoolean();
    private Map<String, CellStaleness.State> states = Map.of();

    /**
     * @param notebookId the stored notebook's id, or null for a read-only example (nothing is stored)
     * @param outputs    the notebook's outputs as stored now
     */
    AnalysisPresenter(NotebookAnalysis analysis, NotebookRuns runs, String notebookId, Supplier<NotebookDocument> document,
            Supplier<Map<String, CellOutput>> outputs, Supplier<List<CellCard>> cards) {
        this.analysis = analysis;
        this.runs = runs;
        this.notebookId = notebookId;
        this.document = document;
        this.outputs = outputs;
        this.cards = cards;
    }

    /** Wires a card's editor when it is a chart or compare cell; shows its stored output. */
    void register(CellCard card, CellOutput stored) {
        if (card.editor() instanceof ChartCellEditor chart) {
            chart.addDrawListener(e -> draw(chart));
            if (stored instanceof ChartOutput o) {
                chart.showOutput(o);
            }
        } else if (card.editor() instanceof CompareCellEditor compare) {
            compare.addCompareListener(e -> compare(compare));
            if (stored instanceof CompareOutput o) {
                compare.showOutput(o);
            }
        }
    }

    /** Recomputes every card's state badge and the choices of the analysis cells; follows new experiments. */
    void refresh() {
        refresh(outputs.get());
    }

    /** The same with the outputs already at hand (the view just read them). */
    void refresh(Map<String, CellOutput> outs) {
        NotebookDocument doc = document.get();
        states = analysis.states(doc, outs);
        List<ExperimentCell> experiments = doc.cells().stream().filter(ExperimentCell.class::isInstance)
                .map(ExperimentCell.class::cast).toList();
        for (CellCard card : cards.get()) {
            card.setState(states.getOrDefault(card.cellId(), CellStaleness.State.NONE));
            if (card.editor() instanceof ChartCellEditor chart) {
                chart.setSources(experiments, source(outs, chart.cell().experimentCellId()));
            } else if (card.editor() instanceof CompareCellEditor compare) {
                compare.setSources(experiments, source(outs, compare.cell().experimentCellId()));
            }
        }
        experiments.stream().filter(e -> e.lastExperimentId() != null).forEach(e -> follow(e.id(), e.lastExperimentId()));
    }

    /** The cells "Run all" would run now. */
    List<Cell> toRun() {
        return analysis.toRun(document.get(), outputs.get(), states);
    }

    private static ExperimentOutput source(Map<String, CellOutput> outs, String cellId) {
        return outs.get(cellId) instanceof ExperimentOutput o ? o : null;
    }

    private void draw(ChartCellEditor editor) {
        ChartCell cell = editor.cell();
        NotebookDocument doc = document.get();
        Map<String, CellOutput> outs = outputs.get();
        editor.showMessage("Drawing…");
        inBackground(editor.getUI(), () -> chartOutput(doc, outs, cell), editor::showOutput, editor::showMessage);
    }

    private void compare(CompareCellEditor editor) {
        CompareCell cell = editor.cell();
        NotebookDocument doc = document.get();
        Map<String, CellOutput> outs = outputs.get();
        editor.showMessage("Comparing…");
        inBackground(editor.getUI(), () -> compareOutput(doc, outs, cell), editor::showOutput, editor::showMessage);
    }

    /** Computes off the UI thread, then shows the output (or the error's message) and refreshes the badges. */
    private <T> void inBackground(Optional<UI> ui, Supplier<T> work, java.util.function.Consumer<T> show,
                                  java.util.function.Consumer<String> showMessage) {
        ui.ifPresent(u -> CompletableFuture.supplyAsync(work, WORK)
                .whenComplete((out, error) -> u.access(() -> {
                    if (error != null) {
                        showMessage.accept(message(error));
                    } else {
                        show.accept(out);
                    }
                    refresh();
                })));
    }

    private ChartOutput chartOutput(NotebookDocument doc, Map<String, CellOutput> outs, ChartCell cell) {
        ChartOutput out = analysis.chart(doc, outs, cell);
        if (notebookId != null) {
            analysis.store(notebookId, cell.id(), out);
        }
        return out;
    }

    private CompareOutput compareOutput(NotebookDocument doc, Map<String, CellOutput> outs, CompareCell cell) {
        CompareOutput out = analysis.compare(doc, outs, cell);
        if (notebookId != null) {
            analysis.store(notebookId, cell.id(), out);
        }
        return out;
    }

    private static String message(Throwable error) {
        Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        log.error("analysis failed", t);
        return "failed: " + t;
    }

    /** Refreshes the badges when an experiment started from this notebook ends (its output stored first). */
    private void follow(String cellId, String experimentId) {
        if (!watched.add(experimentId)) {
            return;
        }
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        AtomicBoolean ended = new AtomicBoolean();
        subscriptions.add(runs.subscribe(experimentId, p -> {
            if (p.status().terminal() && ended.compareAndSet(false, true)) {
                WORK.execute(() -> {
                    ensureStored(cellId, experimentId);
                    ui.access(this::refresh);
                });
            }
        }));
    }

    private void ensureStored(String cellId, String experimentId) {
        if (notebookId == null) {
            return;
        }
        if (outputs.get().get(cellId) instanceof ExperimentOutput o && experimentId.equals(o.experimentId())) {
            return;
        }
        runs.output(experimentId).ifPresent(o -> analysis.store(notebookId, cellId, o));
    }

    /**
     * Runs the stale and not-yet-run cells top to bottom, in the background.
     *
     * @param runCell   starts one experiment cell's run through its editor (on the UI thread)
     * @param finished  called on the UI thread when all are done
     */
    void runAll(UI ui, java.util.function.Consumer<String> runCell, Runnable finished) {
        if (notebookId == null || !runningAll.compareAndSet(false, true)) {
            return;
        }
        List<String> ids = toRun().stream().map(Cell::id).toList();
        WORK.execute(() -> {
            try {
                for (String id : ids) {
                    Cell cell = currentCell(ui, id);
                    if (cell instanceof ExperimentCell e) {
                        String before = e.lastExperimentId();
                        ui.access(() -> runCell.accept(id)).get();
                        Cell after = currentCell(ui, id);
                        String experimentId = after instanceof ExperimentCell a ? a.lastExperimentId() : null;
                        if (experimentId == null || experimentId.equals(before)) {
                            continue;
                        }
                        awaitEnd(experimentId);
                        ensureStored(id, experimentId);
                    } else if (cell instanceof ChartCell c) {
                        NotebookDocument doc = onUi(ui, document);
                        try {
                            ChartOutput out = chartOutput(doc, outputs.get(), c);
                            ui.access(() -> cardEditor(id).filter(ChartCellEditor.class::isInstance)
                                    .ifPresent(ed -> ((ChartCellEditor) ed).showOutput(out)));
                        } catch (IllegalStateException ex) {
                            ui.access(() -> cardEditor(id).filter(ChartCellEditor.class::isInstance)
                                    .ifPresent(ed -> ((ChartCellEditor) ed).showMessage(ex.getMessage())));
                        }
                    } else if (cell instanceof CompareCell c) {
                        try {
                            CompareOutput out = compareOutput(onUi(ui, document), outputs.get(), c);
                            ui.access(() -> cardEditor(id).filter(CompareCellEditor.class::isInstance)
                                    .ifPresent(ed -> ((CompareCellEditor) ed).showOutput(out)));
                        } catch (IllegalStateException ex) {
                            ui.access(() -> cardEditor(id).filter(CompareCellEditor.class::isInstance)
                                    .ifPresent(ed -> ((CompareCellEditor) ed).showMessage(ex.getMessage())));
                        }
                    }
                    ui.access(this::refresh);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.error("run all failed", e);
            } finally {
                runningAll.set(false);
                ui.access(() -> {
                    refresh();
                    finished.run();
                });
            }
        });
    }

    private Cell currentCell(UI ui, String id) throws Exception {
        return onUi(ui, () -> document.get().cell(id).orElse(null));
    }

    /** A value read on the UI thread (under the session lock), from a background thread. */
    private static <T> T onUi(UI ui, Supplier<T> read) throws Exception {
        CompletableFuture<T> c = new CompletableFuture<>();
        ui.access(() -> c.complete(read.get()));
        return c.get();
    }

    private Optional<CellEditor> cardEditor(String id) {
        return cards.get().stream().filter(c -> c.cellId().equals(id)).findFirst().map(CellCard::editor);
    }

    private void awaitEnd(String experimentId) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable handle = runs.subscribe(experimentId, p -> {
            if (p.status().terminal()) {
                done.complete(null);
            }
        });
        try {
            done.get();
        } finally {
            handle.run();
        }
    }

    /** Stops following experiments (the view left the page). */
    void detach() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        watched.clear();
    }
}
