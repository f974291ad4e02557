package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the packaged app is killed with SIGKILL (by its recorded pid) in the middle of an experiment and
 * started again on the same data directory. Every run finished before the kill is intact and is not run again,
 * the experiment resumes by itself and completes with each run stored once, and its results equal those of an
 * uninterrupted run of the same file by the CLI.
 */
class CrashSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killedMidExperimentResumesAndLosesNothing(@TempDir Path tmp) throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree(Files.readString(Path.of("data/examples/curve-sweep.experiment.json")));
        spec.put("replicates", 4); // 32 runs, one thread: long enough to be killed in the middle
        String body = JSON.writeValueAsString(spec);
        Path data = Files.createDirectories(tmp.resolve("data"));

        String id;
        int doneBeforeKill;
        Map<Integer, String> finishedBeforeKill = new HashMap<>();
        try (AppProcess app = AppProcess.start(data)) {
            HttpResponse<String> created = app.post("/api/experiments", body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            id = JSON.readTree(created.body()).get("id").asText();
            doneBeforeKill = awaitDone(app, id, 6, Duration.ofSeconds(180));
            app.kill9();
        }

        try (AppProcess app = AppProcess.start(data)) {
            // what survived the kill, read before the resumed runs change anything we compare
            for (JsonNode run : results(app, id).get("runs")) {
                if ("DONE".equals(run.get("status").asText())) {
                    finishedBeforeKill.put(run.get("runIndex").asInt(), run.toString());
                }
            }
            assertThat(finishedBeforeKill).as("every run reported done before the kill is kept")
                    .hasSizeGreaterThanOrEqualTo(doneBeforeKill);
            assertThat(finishedBeforeKill).as("the kill came mid-experiment: some runs are left for the restart to resume")
                    .hasSizeLessThan(32);

            JsonNode end = awaitStatus(app, id, "COMPLETED", Duration.ofSeconds(240));
            assertThat(end.get("done").asInt()).isEqualTo(32);
            assertThat(end.get("failed").asInt()).isZero();

            JsonNode runs = results(app, id).get("runs");
            assertThat(runs).hasSize(32);
            Map<Integer, Integer> perIndex = new HashMap<>();
            for (JsonNode run : runs) {
                perIndex.merge(run.get("runIndex").asInt(), 1, Integer::sum);
                String before = finishedBeforeKill.get(run.get("runIndex").asInt());
                if (before != null) {
                    assertThat(run.toString()).as("a run finished before the kill is unchanged").isEqualTo(before);
                }
            }
            assertThat(perIndex).hasSize(32).allSatisfy((index, count) -> assertThat(count).isEqualTo(1));

            String apiCsv = app.get("/api/experiments/" + id + "/results.csv").body();
            assertThat(apiCsv).isEqualTo(uninterruptedSummaryCsv(tmp, body));
        }
    }

    private static String uninterruptedSummaryCsv(Path tmp, String body) throws Exception {
        Path file = tmp.resolve("spec.experiment.json");
        Files.writeString(file, body);
        Path out = tmp.resolve("cli-out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"experiment", file.toString(), "--out", out.toString(), "--threads", "2"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        return Files.readString(out.resolve("summary.csv"));
    }

    private static JsonNode results(AppProcess app, String id) throws Exception {
        HttpResponse<String> response = app.get("/api/experiments/" + id + "/results");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until at least {@code done} runs are reported done, and returns the count reported. */
    private static int awaitDone(AppProcess app, String id, int done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(app.get("/api/experiments/" + id).body());
            if (status.get("done").asInt() >= done) {
                assertThat(status.get("status").asText()).isEqualTo("RUNNING");
                return status.get("done").asInt();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + done + " runs done within " + timeout + ":\n" + app.tail());
    }

    private static JsonNode awaitStatus(AppProcess app, String id, String wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(app.get("/api/experiments/" + id).body());
            if (wanted.equals(status.get("status").asText())) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("experiment not " + wanted + " within " + timeout + ": " + status + "\n" + app.tail());
    }
}
