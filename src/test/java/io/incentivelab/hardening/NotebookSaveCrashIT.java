package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of notebook saves: a client saves notebooks in a loop through the notebooks API (new ones and
 * edits of existing ones with {@code If-Match}), the packaged app is killed with SIGKILL by its recorded pid in
 * the middle of it, and started again on the same data directory. Every save the app acknowledged is there,
 * content equal and version as acknowledged (or the one save in flight at the kill, whole, one version later);
 * no document is half-written, and saving goes on from the stored version.
 */
class NotebookSaveCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NOTEBOOKS = 4;

    /** An acknowledged save: the document's canonical text and the version the app answered. */
    private record Ack(String document, long version) {
    }

    @Test
    void killedWhileSavingLosesNoAcknowledgedSave(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        String cookie = OwnerKeyFilter.COOKIE + "=" + OwnerKey.generate().value();
        Map<String, Ack> acked = new ConcurrentHashMap<>();      // per notebook: its last acknowledged save
        Map<String, String> inFlight = new ConcurrentHashMap<>(); // per notebook: a save sent, not yet answered
        AtomicInteger saves = new AtomicInteger();
        AtomicReference<Throwable> clientError = new AtomicReference<>();

        try (AppProcess app = AppProcess.start(data)) {
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < NOTEBOOKS; n++) {
                String doc = document("notebook " + n, 0);
                HttpResponse<String> created = app.send("POST", "/api/notebooks", doc, "Cookie", cookie);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                JsonNode body = JSON.readTree(created.body());
                ids.add(body.get("id").asText());
                acked.put(body.get("id").asText(), new Ack(canonical(doc), body.get("version").asLong()));
            }
            CountDownLatch enough = new CountDownLatch(1);
            Thread client = new Thread(() -> {
                try {
                    for (int i = 1; ; i++) {
                        String id;
                        String doc;
                        HttpResponse<String> r;
                        if (i % 5 == 0) { // a new notebook now and then
                            doc = document("created " + i, i);
                            id = "new-" + i;
                            inFlight.put(id, canonical(doc));
                            r = app.send("POST", "/api/notebooks", doc, "Cookie", cookie);
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                            inFlight.remove(id);
                            id = JSON.readTree(r.body()).get("id").asText();
                            assertThat(JSON.readTree(r.body()).get("version").asLong()).isZero();
                        } else {
                            id = ids.get(i % NOTEBOOKS);
                            Ack before = acked.get(id);
                            doc = document("notebook " + (i % NOTEBOOKS) + " save " + i, i);
                            inFlight.put(id, canonical(doc));
                            r = app.send("PUT", "/api/notebooks/" + id, doc, "Cookie", cookie,
                                    "If-Match", "\"" + before.version() + "\"");
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                            long version = JSON.readTree(r.body()).get("version").asLong();
                            assertThat(version).as("versions go up one per save").isEqualTo(before.version() + 1);
                            assertThat(r.headers().firstValue("ETag")).contains("\"" + version + "\"");
                            inFlight.remove(id);
                        }
                        acked.put(id, new Ack(canonical(doc), JSON.readTree(r.body()).get("version").asLong()));
                        if (saves.incrementAndGet() >= 40) {
                            enough.countDown();
                        }
                    }
                } catch (IOException killed) {
                    // the app died under us: this save was never acknowledged
                } catch (Throwable t) {
                    clientError.set(t);
                    enough.countDown();
                }
            }, "saving-client");
            client.start();
            assertThat(enough.await(180, TimeUnit.SECONDS)).as("40 saves within 3 minutes").isTrue();
            assertThat(clientError.get()).isNull();
            app.kill9();
            client.join(60_000);
            assertThat(client.isAlive()).isFalse();
            assertThat(clientError.get()).isNull();
        }

        try (AppProcess app = AppProcess.start(data)) {
            for (Map.Entry<String, Ack> e : new LinkedHashMap<>(acked).entrySet()) {
                String id = e.getKey();
                HttpResponse<String> r = app.send("GET", "/api/notebooks/" + id, null, "Cookie", cookie);
                assertThat(r.statusCode()).as("acknowledged notebook " + id + " is there: " + r.body()).isEqualTo(200);
                String stored = canonical(r.body());
                long version = Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
                if (version == e.getValue().version()) {
                    assertThat(stored).as("the acknowledged save of " + id).isEqualTo(e.getValue().document());
                } else {
                    // only the save in flight at the kill may have landed after the acknowledged one: whole, one later
                    assertThat(version).as(id).isEqualTo(e.getValue().version() + 1);
                    assertThat(stored).as("the save in flight, whole").isEqualTo(inFlight.get(id));
                }
                // and saving goes on from there
                HttpResponse<String> next = app.send("PUT", "/api/notebooks/" + id, document("after the crash", 0),
                        "Cookie", cookie, "If-Match", "\"" + version + "\"");
                assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                assertThat(JSON.readTree(next.body()).get("version").asLong()).isEqualTo(version + 1);
            }
            assertThat(acked.size()).isGreaterThan(NOTEBOOKS);
        }
    }

    /** A notebook file of some weight (a long note, a scenario and an experiment cell), different for each save. */
    static String document(String title, int i) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("formatVersion", NotebookDocument.FORMAT_VERSION).put("title", title);
        var cells = root.putArray("cells");
        cells.addObject().put("id", "n1").put("type", "NOTE")
                .put("markdown", ("Save " + i + ": " + "the quick brown fox jumps over the lazy dog. ".repeat(40) + "\n\n").repeat(20));
        ObjectNode scenario = f.objectNode().put("schemaVersion", 1).put("name", "s" + i);
        scenario.putArray("subnets").addObject().put("name", "sn").putObject("miners").put("operators", 10 + i % 100);
        cells.addObject().put("id", "s1").put("type", "SCENARIO").put("label", "scenario " + i).set("scenario", scenario);
        ObjectNode exp = cells.addObject().put("id", "e1").put("type", "EXPERIMENT").put("label", "run " + i);
        exp.putArray("scenarioCellIds").add("s1");
        exp.put("replicates", 1 + i % 50).put("seed", i);
        return root.toString();
    }

    /** The document as the app would write it (outputs dropped), so texts compare whatever the formatting. */
    static String canonical(String file) {
        return NotebookCodec.writeDocument(NotebookCodec.readDocument(file));
    }
}
