package io.incentivelab.notebook;

import io.incentivelab.experiment.ExperimentProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * "Run all": runs a stored notebook's stale and not-yet-run cells top to bottom on the notebook task executor,
 * and publishes {@link NotebookRunEvent}s as it goes. An experiment cell is started on the experiments service
 * and saved with its experiment's id; the cells below it wait for it to end — without holding a thread: the
 * next cell is scheduled when the experiment's last progress arrives. Charts and comparisons are computed and
 * stored. One run per notebook at a time; it goes on when no browser watches, and {@link #cancel} stops it
 * (and the experiment it waits for).
 */
@Service
public class NotebookRunner {

    private static final Logger log = LoggerFactory.getLogger(NotebookRunner.class);
    /** Saves of a started experiment's id retried when a user's edit got in first. */
    private static final int SAVE_ATTEMPTS = 5;

    private final NotebookService notebooks;
    private final NotebookRuns runs;
    private final NotebookAnalysis analysis;
    private final TaskExecutor executor;
    private final ApplicationEventPublisher events;
    /** The running "Run all" of each notebook, by notebook id. */
    private final Map<String, Run> running = new ConcurrentHashMap<>();

    NotebookRunner(NotebookService notebooks, NotebookRuns runs, NotebookAnalysis analysis,
            @Qualifier(NotebookConfiguration.EXECUTOR) TaskExecutor executor, ApplicationEventPublisher events) {
        this.notebooks = notebooks;
        this.runs = runs;
        this.analysis = analysis;
        this.executor = executor;
        this.events = events;
    }

    /**
     * Starts a "Run all" of the notebook's cells that are stale or have not run, in the background.
     *
     * @return the run, or empty when nothing needs to run or a run of this notebook is already going on
     * @throws NotebookNotFoundException if the owner key may not edit the notebook
     */
    public Optional<NotebookRunStarted> start(String notebookId, OwnerKey owner) {
        Notebook nb = notebooks.find(notebookId, owner).filter(n -> !n.readOnly())
                .orElseThrow(() -> new NotebookNotFoundException(notebookId));
        List<String> ids = toRun(nb).stream().map(Cell::id).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Run run = new Run(UUID.randomUUID().toString(), notebookId, owner, ids);
        if (running.putIfAbsent(notebookId, run) != null) {
            return Optional.empty();
        }
        NotebookRunStarted started = new NotebookRunStarted(run.id, notebookId, ids);
        try {
            events.publishEvent(started);
            executor.execute(() -> step(run));
        } catch (RuntimeException e) {
            running.remove(notebookId, run);
            throw e;
        }
        return Optional.of(started);
    }

    /** The cells "Run all" would run now, top to bottom. */
    public List<Cell> toRun(Notebook notebook) {
        NotebookDocument doc = notebook.document();
        return analysis.toRun(doc, notebook.outputs(), analysis.states(doc, notebook.outputs()));
    }

    /** The notebook's running "Run all", if any. */
    public Optional<String> running(String notebookId) {
        return Optional.ofNullable(running.get(notebookId)).map(r -> r.id);
    }

    /**
     * Stops a "Run all": no further cell starts, and the experiment it waits for is cancelled (its finished runs
     * are kept). {@link NotebookRunFinished} follows once that experiment has stopped.
     *
     * @return false if no such run is going on
     */
    public boolean cancel(String runId) {
        for (Run run : running.values()) {
            if (run.id.equals(runId)) {
                run.cancelled = true;
                String experiment = run.experimentId;
                if (experiment != null) {
                    runs.cancel(experiment);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Stores an ended experiment's output as its cell's, unless the stored output is already that experiment's
     * (the experiments' completion hook usually stored it first).
     */
    public void storeOutput(String notebookId, OwnerKey owner, String cellId, String experimentId) {
        Notebook nb = notebooks.find(notebookId, owner).orElse(null);
        if (nb == null || nb.outputs().get(cellId) instanceof ExperimentOutput o && experimentId.equals(o.experimentId())) {
            return;
        }
        runs.output(experimentId).ifPresent(o -> analysis.store(notebookId, cellId, o));
    }

    /** Runs cells from the run's next one until the list ends, the run is cancelled, or an experiment must be awaited. */
    private void step(Run run) {
        try {
            while (!run.cancelled && run.next < run.cellIds.size()) {
                String cellId = run.cellIds.get(run.next);
                Notebook nb = notebooks.find(run.notebookId, run.owner)
                        .orElseThrow(() -> new NotebookNotFoundException(run.notebookId));
                Cell cell = nb.document().cell(cellId).orElse(null);
                if (cell instanceof ExperimentCell e && startExperiment(run, nb, e)) {
                    return; // continued by experimentEnded
                }
                if (cell instanceof ChartCell || cell instanceof CompareCell) {
                    analyse(run, nb, cell);
                } else if (!(cell instanceof ExperimentCell)) {
                    cellDone(run, cellId, null, null); // removed since the run began, or nothing to run
                }
            }
            finish(run, null);
        } catch (NotebookNotFoundException e) {
            finish(run, "the notebook is no longer there");
        } catch (RuntimeException e) {
            log.error("run all of notebook {} failed", run.notebookId, e);
            finish(run, "failed: " + e);
        }
    }

    /** Starts (or, when it still runs, joins) the cell's experiment; true if the run now waits for it. */
    private boolean startExperiment(Run run, Notebook nb, ExperimentCell cell) {
        List<NotebookProblem> problems = runs.check(nb.document(), cell);
        if (!problems.isEmpty()) {
            cellDone(run, cell.id(), null, "cannot run: " + problems.get(0).path() + ": " + problems.get(0).message());
            return false;
        }
        String last = cell.lastExperimentId();
        if (last != null && runs.status(last).filter(p -> !p.status().terminal()).isPresent()) {
            await(run, cell.id(), last); // already running (started by hand): wait for it rather than start another
            return true;
        }
        ExperimentProgress started = runs.start(run.notebookId, run.owner, nb.document(), cell);
        run.experimentId = started.id();
        Saved saved = saveExperimentId(run, cell.id(), started.id());
        if (saved != null) {
            events.publishEvent(new NotebookRunExperimentStarted(run.id, run.notebookId, saved.cell, started,
                    saved.previousVersion, saved.version));
        }
        if (run.cancelled) {
            runs.cancel(started.id()); // cancelled while it was being started
        }
        await(run, cell.id(), started.id());
        return true;
    }

    private record Saved(ExperimentCell cell, long previousVersion, long version) {
    }

    /** Records the experiment's id in its cell, on the notebook as stored now (a user may be editing it meanwhile). */
    private Saved saveExperimentId(Run run, String cellId, String experimentId) {
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            Notebook nb = notebooks.find(run.notebookId, run.owner)
                    .orElseThrow(() -> new NotebookNotFoundException(run.notebookId));
            if (!(nb.document().cell(cellId).orElse(null) instanceof ExperimentCell current)) {
                return null;
            }
            ExperimentCell next = current.withLastExperimentId(experimentId);
            try {
                long version = notebooks.save(run.notebookId, nb.document().replace(next), nb.version(), run.owner);
                return new Saved(next, nb.version(), version);
            } catch (NotebookConflictException e) {
                log.debug("notebook {} changed while run all saved cell {}; trying again", run.notebookId, cellId);
            }
        }
        log.warn("run all of notebook {} could not record experiment {} in cell {}", run.notebookId, experimentId, cellId);
        return null;
    }

    /** Goes on with the next cell once the experiment has ended (its last progress), on the task executor. */
    private void await(Run run, String cellId, String experimentId) {
        run.experimentId = experimentId;
        AtomicBoolean ended = new AtomicBoolean();
        Runnable[] handle = {null};
        Runnable unsubscribe = runs.subscribe(experimentId, p -> {
            if (p.status().terminal() && ended.compareAndSet(false, true)) {
                executor.execute(() -> {
                    if (handle[0] != null) {
                        handle[0].run();
                    }
                    experimentEnded(run, cellId, experimentId);
                });
            }
        });
        handle[0] = unsubscribe;
        if (ended.get()) {
            unsubscribe.run(); // it had ended already: the listener was told at once
        }
    }

    private void experimentEnded(Run run, String cellId, String experimentId) {
        try {
            run.experimentId = null;
            storeOutput(run.notebookId, run.owner, cellId, experimentId);
            CellOutput out = notebooks.find(run.notebookId, run.owner).map(n -> n.outputs().get(cellId)).orElse(null);
            cellDone(run, cellId, out, null);
        } catch (RuntimeException e) {
            log.error("run all of notebook {}: storing experiment {} failed", run.notebookId, experimentId, e);
            cellDone(run, cellId, null, "failed: " + e);
        }
        step(run);
    }

    /** Computes and stores a chart's or comparison's output; why not, when the experiment it draws from cannot give it. */
    private void analyse(Run run, Notebook nb, Cell cell) {
        CellOutput out;
        try {
            out = cell instanceof ChartCell c ? analysis.chart(nb.document(), nb.outputs(), c)
                    : analysis.compare(nb.document(), nb.outputs(), (CompareCell) cell);
        } catch (IllegalStateException | IllegalArgumentException e) {
            cellDone(run, cell.id(), null, e.getMessage());
            return;
        }
        analysis.store(run.notebookId, cell.id(), out);
        cellDone(run, cell.id(), out, null);
    }

    private void cellDone(Run run, String cellId, CellOutput output, String message) {
        run.next++;
        events.publishEvent(new NotebookRunProgressed(run.id, run.notebookId, cellId, run.next, run.cellIds.size(),
                output, message));
    }

    private void finish(Run run, String message) {
        running.remove(run.notebookId, run);
        events.publishEvent(new NotebookRunFinished(run.id, run.notebookId, run.next, run.cellIds.size(),
                run.cancelled && run.next < run.cellIds.size(), message));
    }

    /** One "Run all" in progress; its steps run one after the other, never at once. */
    private static final class Run {
        final String id;
        final String notebookId;
        final OwnerKey owner;
        final List<String> cellIds;
        /** The index of the next cell to run. */
        volatile int next;
        volatile boolean cancelled;
        /** The experiment the run waits for, if any. */
        volatile String experimentId;

        Run(String id, String notebookId, OwnerKey owner, List<String> cellIds) {
            this.id = id;
            this.notebookId = notebookId;
            this.owner = owner;
            this.cellIds = List.copyOf(cellIds);
        }
    }
}
