package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.UI;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellOutput;
import io.incentivelab.notebook.CellStaleness;
import io.incentivelab.notebook.ChartOutput;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookRunProgressed;
import io.incentivelab.notebook.app.NotebookApplicationService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the notebook's chart and compare cells to the notebook application service, shows each cell's staleness
 * badge, and applies what "Run all" reports. Charts and comparisons are computed by the service on its executor and
 * applied with {@code ui.access}.
 */
final class AnalysisPresenter {

    private static final Logger log = LoggerFactory.getLogger(AnalysisPresenter.class);

    private final OpenNotebook notebook;
    private final NotebookApplicationService app;
    private final Supplier<Map<String, CellOutput>> outputs;
    private final Supplier<List<CellCard>> cards;
    private final Set<String> watched = new HashSet<>();
    private final List<Runnable> subscriptions = new ArrayList<>();
    private Map<String, CellStaleness.State> states = Map.of();

    /** @param outputs the notebook's outputs as stored now */
    AnalysisPresenter(OpenNotebook notebook, Supplier<Map<String, CellOutput>> outputs, Supplier<List<CellCard>> cards) {
        this.notebook = notebook;
        this.app = notebook.app();
        this.outputs = outputs;
        this.cards = cards;
    }

    /** Wires a card's editor when it is a chart or compare cell; shows its stored output. */
    void register(CellCard card, CellOutput stored) {
        if (card.editor() instanceof ChartCellEditor chart) {
            chart.addRunRequestedListener(e -> draw(chart));
            if (stored instanceof ChartOutput o) {
                chart.showOutput(o);
            }
        } else if (card.editor() instanceof CompareCellEditor compare) {
            compare.addRunRequestedListener(e -> compare(compare));
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
        NotebookDocument doc = notebook.document().get();
        states = app.states(doc, outs);
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
        return app.toRun(notebook.document().get(), outputs.get(), states);
    }

    private static ExperimentOutput source(Map<String, CellOutput> outs, String cellId) {
        return outs.get(cellId) instanceof ExperimentOutput o ? o : null;
    }

    private void draw(ChartCellEditor editor) {
        editor.showMessage("Drawing…");
        applyLater(editor.getUI(), app.chart(notebook.id(), notebook.document().get(), outputs, editor.cell()), editor::showOutput,
                editor::showMessage);
    }

    private void compare(CompareCellEditor editor) {
        editor.showMessage("Comparing…");
        applyLater(editor.getUI(), app.compare(notebook.id(), notebook.document().get(), outputs, editor.cell()), editor::showOutput,
                editor::showMessage);
    }

    /** Shows the output computed in the background (or the error's message) and refreshes the badges. */
    private <T> void applyLater(Optional<UI> ui, CompletableFuture<T> work, Consumer<T> show, Consumer<String> showMessage) {
        ui.ifPresent(u -> work.whenComplete((out, error) -> u.access(() -> {
            if (error != null) {
                showMessage.accept(message(error));
            } else {
                show.accept(out);
            }
            refresh();
        })));
    }

    private static String message(Throwable error) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
        subscriptions.add(app.subscribe(experimentId, p -> {
            if (p.status().terminal() && ended.compareAndSet(false, true)) {
                app.experimentEnded(notebook.id(), notebook.owner(), cellId, experimentId).whenComplete((v, e) -> ui.access(this::refresh));
            }
        }));
    }

    /** What "Run all" did to a chart or compare cell: shows its new output, or why there is none. */
    void ranCell(NotebookRunProgressed p) {
        cards.get().stream().filter(c -> c.cellId().equals(p.cellId())).findFirst().map(CellCard::editor).ifPresent(editor -> {
            if (editor instanceof ChartCellEditor chart) {
                if (p.output() instanceof ChartOutput o) {
                    chart.showOutput(o);
                } else if (p.message() != null) {
                    chart.showMessage(p.message());
                }
            } else if (editor instanceof CompareCellEditor compare) {
                if (p.output() instanceof CompareOutput o) {
                    compare.showOutput(o);
                } else if (p.message() != null) {
                    compare.showMessage(p.message());
                }
            }
        });
        refresh();
    }

    /** Stops following experiments (the view left the page). */
    void detach() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        watched.clear();
    }
}
