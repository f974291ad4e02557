package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.experiment.ExperimentOrigin;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.experiment.ExperimentStatus;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disk: deleting an experiment (the API's DELETE), a notebook (service and API) or an experiment cell deletes the
 * experiments' rows and every run of them in H2 — and nothing of anybody else's. A running experiment is cancelled
 * first and stays deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:delete-results;DB_CLOSE_DELAY=-1",
        "lab.experiments.threads=2", "lab.experiments.resume-on-startup=false"})
class DeleteResultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCENARIO = """
            { "schemaVersion": 1, "name": "tiny", "network": { "horizonEpochs": %d, "sampleEveryEpochs": 5 },
              "subnets": [ { "name": "speed", "miners": { "operators": 16 }, "validators": { "count": 8 } } ] }""";

    @Autowired
    ExperimentService experiments;
    @Autowired
    NotebookService notebooks;
    @Autowired
    NotebookRuns runs;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static String spec(int replicates, int epochs) {
        return """
                { "schemaVersion": 1, "name": "tiny", "scenarios": [ { "label": "a", "scenario": %s } ],
                  "replicates": %d, "baseSeed": 3 }""".formatted(SCENARIO.formatted(epochs), replicates);
    }

    @Test
    void deletingAnExperimentDeletesItsRunsAndNothingElse() throws Exception {
        String kept = finished(spec(4, 20));
        String gone = finished(spec(6, 20));
        String keptResults = send("GET", "/api/experiments/" + kept + "/runs.csv", null, null).body();
        assertThat(rows(gone)).isEqualTo(new long[] {1, 6});

        HttpResponse<String> deleted = send("DELETE", "/api/experiments/" + gone, null, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(rows(gone)).isEqualTo(new long[] {0, 0});
        assertThat(send("GET", "/api/experiments/" + gone, null, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/experiments/" + gone, null, null).statusCode()).isEqualTo(404);

        assertThat(rows(kept)).isEqualTo(new long[] {1, 4});
        assertThat(send("GET", "/api/experiments/" + kept + "/runs.csv", null, null).body()).isEqualTo(keptResults);
    }

    @Test
    void aRunningExperimentIsCancelledThenDeletedAndStaysDeleted() throws Exception {
        String id = experiments.start(experiments.plan(spec(2000, 200))).id();
        awaitRunning(id);
        CompletableFuture<ExperimentProgress> end = end(id);
        HttpResponse<String> deleted = send("DELETE", "/api/experiments/" + id, null, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        // the DELETE waited for the end: its runs stopped, none executes any more, so none can store anything later
        assertThat(end).as("the experiment ended before the DELETE answered").isDone();
        assertThat(end.get().status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(experiments.status(id)).isEmpty();
        assertThat(rows(id)).isEqualTo(new long[] {0, 0});
    }

    @Test
    void deletingANotebookOrACellDeletesTheExperimentsStartedFromIt() throws Exception {
        OwnerKey owner = OwnerKey.generate();
        String apiExperiment = finished(spec(3, 20));

        Notebook nb = notebookWithTwoExperiments(owner);
        ExperimentCell e1 = (ExperimentCell) nb.document().cell("e1").orElseThrow();
        ExperimentCell e2 = (ExperimentCell) nb.document().cell("e2").orElseThrow();
        String first = runs.start(nb.id(), owner, nb.document(), e1).id();
        String second = runs.start(nb.id(), owner, nb.document(), e2).id();
        String again = runs.start(nb.id(), owner, nb.document(), e1).id(); // a re-run of the same cell
        for (String id : List.of(first, second, again)) {
            experiments.awaitEnd(id, Duration.ofSeconds(120));
        }
        assertThat(rows(first)).isEqualTo(new long[] {1, 2});

        Notebook other = notebookWithTwoExperiments(owner);
        String othersExperiment = runs.start(other.id(), owner, other.document(),
                (ExperimentCell) other.document().cell("e1").orElseThrow()).id();
        experiments.awaitEnd(othersExperiment, Duration.ofSeconds(120));

        // the API refuses to delete a notebook's experiment behind the notebook's back
        assertThat(send("DELETE", "/api/experiments/" + first, null, null).statusCode()).isEqualTo(409);
        // nor to cancel one: a shared notebook's viewers see its experiment ids
        assertThat(send("POST", "/api/experiments/" + first + "/cancel", null, null).statusCode()).isEqualTo(409);
        assertThat(rows(first)).isEqualTo(new long[] {1, 2});

        // removing cell e1 deletes both of its experiments, not e2's
        NotebookDocument withoutE1 = new NotebookDocument(nb.document().formatVersion(), nb.document().title(),
                nb.document().cells().stream().filter(c -> !c.id().equals("e1")).toList());
        notebooks.save(nb.id(), withoutE1, nb.version(), owner);
        assertThat(rows(first)).isEqualTo(new long[] {0, 0});
        assertThat(rows(again)).isEqualTo(new long[] {0, 0});
        assertThat(rows(second)).isEqualTo(new long[] {1, 2});

        // deleting the notebook deletes the rest; the API's experiment and the other notebook's stay
        assertThat(notebooks.delete(nb.id(), owner)).isTrue();
        assertThat(rows(second)).isEqualTo(new long[] {0, 0});
        assertThat(rows(apiExperiment)).isEqualTo(new long[] {1, 3});
        assertThat(rows(othersExperiment)).isEqualTo(new long[] {1, 2});

        // through the notebooks API, with the owner's cookie; a running experiment is cancelled and deleted
        ExperimentCell big = ((ExperimentCell) other.document().cell("e2").orElseThrow())
                .withScenarioCellIds(List.of("s2")).withReplicates(10_000);
        String running = runs.start(other.id(), owner, other.document(), big).id();
        awaitRunning(running);
        CompletableFuture<ExperimentProgress> runningEnd = end(running);
        String cookie = OwnerKeyFilter.COOKIE + "=" + owner.value();
        assertThat(send("DELETE", "/api/notebooks/" + other.id(), null, OwnerKeyFilter.COOKIE + "=" + OwnerKey.generate().value())
                .statusCode()).as("somebody else's key").isEqualTo(404);
        assertThat(send("DELETE", "/api/notebooks/" + other.id(), null, cookie).statusCode()).isEqualTo(204);
        assertThat(rows(othersExperiment)).isEqualTo(new long[] {0, 0});
        // the running one is cancelled at once and deleted as soon as its runs stopped (nobody waits for it)
        assertThat(runningEnd.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(ExperimentStatus.CANCELLED);
        awaitDeleted(running);
        // deleted once the experiment had ended (no run of it executes any more), so it stays deleted
        assertThat(experiments.status(running)).isEmpty();
        assertThat(rows(running)).as("and stays deleted").isEqualTo(new long[] {0, 0});
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notebook_output WHERE notebook_id IN (:a, :b)")
                .param("a", nb.id()).param("b", other.id()).query(Long.class).single()).isZero();
        assertThat(rows(apiExperiment)).isEqualTo(new long[] {1, 3});
    }

    @Test
    void aCellKeepsItsLatestRunsOutputWhenAnOlderRunEndsLast() throws Exception {
        OwnerKey owner = OwnerKey.generate();
        Notebook nb = notebookWithTwoExperiments(owner);
        ExperimentCell e1 = (ExperimentCell) nb.document().cell("e1").orElseThrow();
        // a long run of the cell (300 slow runs), then a short re-run: the executor's queue is first come, first
        // served, so the re-run's 2 runs execute before the older one's tasks still to come, and it ends first
        String older = runs.start(nb.id(), owner, nb.document(),
                e1.withScenarioCellIds(List.of("s2")).withReplicates(300)).id();
        awaitRunning(older);
        String newer = runs.start(nb.id(), owner, nb.document(), e1).id();
        assertThat(experiments.awaitEnd(newer, Duration.ofSeconds(120)).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(experiments.status(older).orElseThrow().status()).as("the older run still runs").isEqualTo(ExperimentStatus.RUNNING);
        assertThat(storedExperiment(nb.id(), owner)).isEqualTo(newer);
        ExperimentProgress end = experiments.awaitEnd(older, Duration.ofSeconds(300)).orElseThrow();
        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        // the cell's end hook is a progress listener of the experiment, subscribed when it started; awaitEnd returns
        // after every listener was told the end (ExperimentJob#finished), so the hook has run by now
        assertThat(storedExperiment(nb.id(), owner)).as("the re-run's results stay the cell's").isEqualTo(newer);
        assertThat(experiments.superseded(older)).isTrue();
        assertThat(experiments.superseded(newer)).isFalse();
    }

    private String storedExperiment(String notebookId, OwnerKey owner) {
        return notebooks.find(notebookId, owner).map(n -> n.outputs().get("e1"))
                .filter(o -> o instanceof ExperimentOutput)
                .map(o -> ((ExperimentOutput) o).experimentId()).orElse(null);
    }

    @Test
    void experimentsOfANotebookThatIsGoneAreDeletedAtStart() throws Exception {
        String orphan = experiments.start(experiments.plan(spec(2, 20)),
                new ExperimentOrigin(UUID.randomUUID().toString(), "e1")).id();
        experiments.awaitEnd(orphan, Duration.ofSeconds(60));
        String apiExperiment = finished(spec(2, 20));
        assertThat(rows(orphan)).isEqualTo(new long[] {1, 2});
        assertThat(notebooks.deleteOrphanedExperiments()).isEqualTo(1);
        assertThat(rows(orphan)).isEqualTo(new long[] {0, 0});
        assertThat(rows(apiExperiment)).isEqualTo(new long[] {1, 2});
    }

    private Notebook notebookWithTwoExperiments(OwnerKey owner) throws Exception {
        ObjectNode scenario = (ObjectNode) JSON.readTree(SCENARIO.formatted(20));
        ObjectNode slow = (ObjectNode) JSON.readTree(SCENARIO.formatted(400));
        NotebookDocument doc = NotebookDocument.empty("Delete me")
                .append(new ScenarioCell("s1", "tiny", scenario))
                .append(new ScenarioCell("s2", "slow", slow))
                .append(new ExperimentCell("e1", "first", List.of("s1"), Combine.GRID, List.of(), 2, 5L, null))
                .append(new ExperimentCell("e2", "second", List.of("s1"), Combine.GRID, List.of(), 2, 6L, null));
        Notebook nb = notebooks.importFile(NotebookCodec.writeFile(
                new NotebookFile(doc, Map.of())).getBytes(StandardCharsets.UTF_8), owner);
        return nb;
    }

    /** {experiment rows, run rows} stored for one experiment id. */
    private long[] rows(String id) {
        long e = jdbc.sql("SELECT COUNT(*) FROM experiment WHERE id = :id").param("id", id).query(Long.class).single();
        long r = jdbc.sql("SELECT COUNT(*) FROM experiment_run WHERE experiment_id = :id").param("id", id).query(Long.class).single();
        return new long[] {e, r};
    }

    private String finished(String spec) throws Exception {
        ExperimentProgress p = experiments.start(experiments.plan(spec));
        ExperimentProgress end = experiments.awaitEnd(p.id(), Duration.ofSeconds(120)).orElseThrow();
        assertThat(end.status()).isEqualTo(ExperimentStatus.COMPLETED);
        return p.id();
    }

    /** Waits until the experiment's listeners are told it runs and has finished a run. */
    private void awaitRunning(String id) throws Exception {
        CompletableFuture<ExperimentProgress> running = new CompletableFuture<>();
        Runnable unsubscribe = experiments.subscribe(id, p -> {
            if (p.status() == ExperimentStatus.RUNNING && p.done() > 0 || p.status().terminal()) {
                running.complete(p);
            }
        }).orElseThrow();
        try {
            assertThat(running.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(ExperimentStatus.RUNNING);
        } finally {
            unsubscribe.run();
        }
    }

    /** Completes with the experiment's final progress as its listeners are told it ended. */
    private CompletableFuture<ExperimentProgress> end(String id) {
        CompletableFuture<ExperimentProgress> end = new CompletableFuture<>();
        experiments.subscribe(id, p -> {
            if (p.status().terminal()) {
                end.complete(p);
            }
        }).orElseThrow();
        return end;
    }

    /** Waits for the rows of an experiment deleted on an executor thread after it stopped. */
    private void awaitDeleted(String id) throws Exception {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        long[] rows;
        while ((rows = rows(id))[0] > 0 || rows[1] > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("experiment " + id + " not deleted after " + HANG_GUARD + ": rows " + Arrays.toString(rows));
            }
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
