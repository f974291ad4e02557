package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * "Run all" through {@link NotebookRunner} with the real engine and H2: the events it publishes, in order, what it
 * stores, and Cancel. The test waits on the events themselves (a queue a listener fills), never on a clock; the
 * queue's poll limit only keeps a broken build from hanging.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:notebookrunner;DB_CLOSE_DELAY=-1")
class NotebookRunnerIT {

    static final OwnerKey ME = OwnerKey.generate();

    /** A scenario, a two-point sweep of it (%d replicates) and a comparison of the two points. */
    static final String NOTEBOOK = """
            {"formatVersion": 1, "title": "Run all", "cells": [
              {"id": "c-scen", "type": "SCENARIO", "label": "One subnet", "scenario":
                {"schemaVersion": 1, "name": "one-subnet",
                 "network": {"horizonDays": %d, "sampleEveryEpochs": 10},
                 "subnets": [{"name": "alpha", "metric": "SPEED", "miners": {"operators": 8}, "validators": {"count": 4}}]}},
              {"id": "c-exp", "type": "EXPERIMENT", "label": "Curve sweep", "scenarioCellIds": ["c-scen"], "combine": "GRID",
               "axes": [{"path": "$.subnets[0].rewardCurve.type", "kind": "LIST", "values": ["PROPORTIONAL", "WINNER_TAKE_ALL"]}],
               "replicates": %d, "seed": 7},
              {"id": "c-cmp", "type": "COMPARE", "label": "", "experimentCellId": "c-exp", "pointA": 0, "pointB": 1, "filter": ""}]}""";

    @Autowired
    NotebookRunner runner;

    @Autowired
    NotebookRunListeners listeners;

    @Autowired
    NotebookService notebooks;

    @Autowired
    NotebookRuns runs;

    private Notebook importNotebook(int days, int replicates) {
        return notebooks.importFile(String.format(NOTEBOOK, days, replicates).getBytes(StandardCharsets.UTF_8), ME);
    }

    /** The events up to and including the run's end. */
    private static List<NotebookRunEvent> untilFinished(BlockingQueue<NotebookRunEvent> queue) throws InterruptedException {
        List<NotebookRunEvent> seen = new ArrayList<>();
        while (seen.isEmpty() || !(seen.get(seen.size() - 1) instanceof NotebookRunFinished)) {
            NotebookRunEvent e = queue.poll(5, TimeUnit.MINUTES);
            assertThat(e).as("an event after " + seen).isNotNull();
            seen.add(e);
        }
        return seen;
    }

    @Test
    void runsTheCellsTopToBottomAndSaysSoInOrder() throws Exception {
        Notebook nb = importNotebook(1, 2);
        BlockingQueue<NotebookRunEvent> events = new LinkedBlockingQueue<>();
        Runnable unsubscribe = listeners.subscribe(nb.id(), events::add);
        try {
            NotebookRunStarted started = runner.start(nb.id(), ME).orElseThrow();
            assertThat(started.cellIds()).containsExactly("c-exp", "c-cmp");
            List<NotebookRunEvent> seen = untilFinished(events);

            assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("NotebookRunStarted",
                    "NotebookRunExperimentStarted", "NotebookRunProgressed", "NotebookRunProgressed", "NotebookRunFinished");
            assertThat(seen).allSatisfy(e -> assertThat(e.runId()).isEqualTo(started.runId()));
            var experiment = (NotebookRunExperimentStarted) seen.get(1);
            assertThat(experiment.cell().id()).isEqualTo("c-exp");
            assertThat(experiment.previousVersion()).isEqualTo(nb.version());
            var first = (NotebookRunProgressed) seen.get(2);
            var second = (NotebookRunProgressed) seen.get(3);
            assertThat(first.cellId()).isEqualTo("c-exp");
            assertThat(first.done()).isEqualTo(1);
            assertThat(first.output()).isInstanceOfSatisfying(ExperimentOutput.class, o -> {
                assertThat(o.experimentId()).isEqualTo(experiment.cell().lastExperimentId());
                assertThat(o.status()).isEqualTo("COMPLETED");
            });
            assertThat(second.cellId()).isEqualTo("c-cmp");
            assertThat(second.output()).isInstanceOf(CompareOutput.class);
            assertThat(second.message()).isNull();
            assertThat((NotebookRunFinished) seen.get(4)).extracting(NotebookRunFinished::done, NotebookRunFinished::total,
                    NotebookRunFinished::cancelled, NotebookRunFinished::message).containsExactly(2, 2, false, null);

            // stored: the experiment's id in its cell (at the version the event gave), both outputs; nothing left to run
            Notebook after = notebooks.find(nb.id(), ME).orElseThrow();
            assertThat(after.version()).isEqualTo(experiment.version());
            assertThat(after.document().cell("c-exp")).contains(experiment.cell());
            assertThat(after.outputs().get("c-exp")).isEqualTo(first.output());
            assertThat(after.outputs().get("c-cmp")).isEqualTo(second.output());
            assertThat(runner.toRun(after)).isEmpty();
            assertThat(runner.running(nb.id())).isEmpty();
            assertThat(runner.start(nb.id(), ME)).as("nothing to run").isEmpty();
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void cancelStopsTheExperimentAndTheCellsBelowIt() throws Exception {
        Notebook nb = importNotebook(5, 40);
        BlockingQueue<NotebookRunEvent> events = new LinkedBlockingQueue<>();
        CompletableFuture<String> cancelled = new CompletableFuture<>();
        // cancel as soon as the experiment started: the listener runs on the runner's thread, before it waits
        Runnable unsubscribe = listeners.subscribe(nb.id(), e -> {
            events.add(e);
            if (e instanceof NotebookRunExperimentStarted s && runner.cancel(s.runId())) {
                cancelled.complete(s.cell().lastExperimentId());
            }
        });
        try {
            runner.start(nb.id(), ME).orElseThrow();
            assertThat(runner.running(nb.id())).isPresent();
            List<NotebookRunEvent> seen = untilFinished(events);
            String experimentId = cancelled.getNow(null);
            assertThat(experimentId).as("cancelled on the experiment's start").isNotNull();

            assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("NotebookRunStarted",
                    "NotebookRunExperimentStarted", "NotebookRunProgressed", "NotebookRunFinished");
            assertThat(((NotebookRunProgressed) seen.get(2)).cellId()).isEqualTo("c-exp");
            NotebookRunFinished finished = (NotebookRunFinished) seen.get(3);
            assertThat(finished.cancelled()).isTrue();
            assertThat(finished.done()).isEqualTo(1);
            assertThat(finished.total()).isEqualTo(2);
            // the experiment had ended when the run said it finished, stopped before its last run
            ExperimentProgress status = runs.status(experimentId).orElseThrow();
            assertThat(status.status()).isEqualTo(ExperimentStatus.CANCELLED);
            assertThat(status.done()).isLessThan(status.total());
            assertThat(notebooks.find(nb.id(), ME).orElseThrow().outputs()).doesNotContainKey("c-cmp");
            assertThat(runner.running(nb.id())).isEmpty();
            assertThat(runner.cancel(finished.runId())).as("no longer running").isFalse();
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void onlyTheOwnerRunsANotebook() {
        Notebook nb = importNotebook(1, 1);
        assertThatThrownBy(() -> runner.start(nb.id(), OwnerKey.generate())).isInstanceOf(NotebookNotFoundException.class);
        assertThatThrownBy(() -> runner.start(nb.id(), null)).isInstanceOf(NotebookNotFoundException.class);
        assertThat(runner.running(nb.id())).isEmpty();
    }
}
