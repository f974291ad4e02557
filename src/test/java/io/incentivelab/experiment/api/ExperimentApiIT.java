package io.incentivelab.experiment.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.experiment.ExperimentLimits;
import io.incentivelab.experiment.ExperimentPlan;
import io.incentivelab.experiment.ExperimentSpecCodec;
import io.incentivelab.experiment.LocalExperiment;
import io.incentivelab.experiment.SimulationEngine;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The experiments API over real HTTP, beside Vaadin, on the real engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:experiment-api-it;DB_CLOSE_DELAY=-1",
        "vaadin.devmode.devTools.enabled=false",
        "lab.experiments.threads=2",
        "lab.experiments.max-request-size=64KB"})
class ExperimentApiIT {

    static final String SCENARIO = """
            { "schemaVersion": 1, "name": "tiny", "network": { "horizonEpochs": 30, "sampleEveryEpochs": 5 },
              "subnets": [ { "name": "speed", "metric": "SPEED", "rewardCurve": { "type": "%s" },
                 "miners": { "operators": 16, "placement": "RANDOM" }, "validators": { "count": 8 } } ] }""";

    static String spec(int replicates) {
        return """
                { "schemaVersion": 1, "name": "tiny comparison",
                  "scenarios": [ { "label": "proportional", "scenario": %s }, { "label": "wta", "scenario": %s } ],
                  "replicates": %d, "baseSeed": 7 }""".formatted(SCENARIO.formatted("PROPORTIONAL"),
                SCENARIO.formatted("WINNER_TAKE_ALL"), replicates);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode s = JSON.readTree(send("GET", "/api/experiments/" + id, null).body());
            if (!s.get("status").asText().matches("QUEUED|RUNNING") || System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void startWatchAndReadResultsWithTheSameNumbersAsTheCli() throws Exception {
        HttpResponse<String> created = send("POST", "/api/experiments", spec(4));
        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode status = JSON.readTree(created.body());
        String id = status.get("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.headers().firstValue("Location")).contains("/api/experiments/" + id);
        assertThat(status.get("total").asInt()).isEqualTo(8);
        assertThat(status.has("etaSeconds")).isTrue();

        JsonNode end = awaitEnd(id);
        assertThat(end.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(end.get("done").asInt()).isEqualTo(8);
        assertThat(end.get("failed").asInt()).isZero();
        assertThat(end.get("etaSeconds").isNull()).isTrue();

        HttpResponse<String> results = send("GET", "/api/experiments/" + id + "/results", null);
        assertThat(results.statusCode()).isEqualTo(200);
        JsonNode r = JSON.readTree(results.body());
        assertThat(r.get("points")).hasSize(2);
        assertThat(r.get("runs")).hasSize(8);
        assertThat(r.at("/points/0/metrics/speed.giniEmission/n").asInt()).isEqualTo(4);
        assertThat(r.at("/runs/0/seed").asLong()).isNotZero();
        assertThat(r.at("/runs/0/engineVersion").asText()).isNotBlank();

        HttpResponse<String> csv = send("GET", "/api/experiments/" + id + "/results.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        SimulationEngine engine = new SimulationEngine();
        ExperimentPlan plan = ExperimentPlan.of(ExperimentSpecCodec.parse(spec(4), ExperimentLimits.DEFAULT), engine::validate);
        LocalExperiment cli = LocalExperiment.run(plan, engine, 1, Double.NaN, null);
        StringWriter expected = new StringWriter();
        cli.writeSummaryCsv(expected);
        assertThat(csv.body()).isEqualTo(expected.toString());
        StringWriter expectedRuns = new StringWriter();
        cli.writeRunsCsv(expectedRuns);
        assertThat(send("GET", "/api/experiments/" + id + "/runs.csv", null).body()).isEqualTo(expectedRuns.toString());

        JsonNode compare = JSON.readTree(send("GET", "/api/experiments/" + id + "/compare?a=scenario:wta&b=scenario:proportional", null).body());
        JsonNode gini = null;
        for (JsonNode m : compare.get("metrics")) {
            if (m.get("metric").asText().equals("speed.giniEmission")) {
                gini = m;
            }
        }
        assertThat(gini).isNotNull();
        assertThat(gini.get("difference").asDouble()).isPositive();
        assertThat(gini.get("nA").asInt()).isEqualTo(4);

        JsonNode series = JSON.readTree(send("GET", "/api/experiments/" + id + "/points/0/series", null).body());
        assertThat(series.get("replicates").asInt()).isEqualTo(4);
        assertThat(series.at("/series/speed.giniEmission/mean").size()).isEqualTo(series.get("epochs").size());

        HttpResponse<String> cancelEnded = send("POST", "/api/experiments/" + id + "/cancel", null);
        assertThat(cancelEnded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(cancelEnded.body()).get("status").asText()).isEqualTo("COMPLETED");

        HttpResponse<String> preview = send("POST", "/api/experiments/preview", spec(4));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(preview.body()).get("runs").asInt()).isEqualTo(8);
    }

    @Test
    void aSensitivityStudyGivesItsIndicesAndASweepSaysItHasNone() throws Exception {
        String study = """
                { "schemaVersion": 1, "name": "which matters",
                  "scenarios": [ {"label": "power", "scenario": {"network": {"horizonEpochs": 20, "sampleEveryEpochs": 10},
                     "economics": {}, "subnets": [{"name": "speed", "rewardCurve": {"type": "POWER"},
                     "miners": {"operators": 16}, "validators": {"count": 4}}]}} ],
                  "sensitivity": { "method": "SALTELLI", "metric": "speed.giniEmission", "samples": 4, "resamples": 50,
                    "parameters": [ {"path": "$.economics.taoPriceUsd", "from": 10, "to": 1000},
                                    {"path": "$.subnets[0].rewardCurve.alpha", "from": 0.5, "to": 6} ] },
                  "replicates": 1, "baseSeed": 3 }""";
        HttpResponse<String> preview = send("POST", "/api/experiments/preview", study);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(preview.body()).get("runs").asInt()).isEqualTo(16);
        HttpResponse<String> created = send("POST", "/api/experiments", study);
        assertThat(created.statusCode()).isEqualTo(202);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(awaitEnd(id).get("status").asText()).isEqualTo("COMPLETED");
        HttpResponse<String> indices = send("GET", "/api/experiments/" + id + "/sensitivity", null);
        assertThat(indices.statusCode()).isEqualTo(200);
        JsonNode r = JSON.readTree(indices.body());
        assertThat(r.get("method").asText()).isEqualTo("SALTELLI");
        assertThat(r.has("problem")).isFalse();
        JsonNode params = r.at("/scenarios/0/parameters");
        assertThat(params).hasSize(2);
        assertThat(params.get(0).get("path").asText()).isEqualTo("$.subnets[0].rewardCurve.alpha");
        assertThat(params.get(1).at("/total/estimate").asDouble()).isZero();
        assertThat(params.get(0).at("/total/low").isNumber()).isTrue();

        HttpResponse<String> sweep = send("POST", "/api/experiments", spec(1));
        String sweepId = JSON.readTree(sweep.body()).get("id").asText();
        HttpResponse<String> none = send("GET", "/api/experiments/" + sweepId + "/sensitivity", null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("not a sensitivity study");
        assertThat(send("GET", "/api/experiments/" + UUID.randomUUID() + "/sensitivity", null).statusCode()).isEqualTo(404);
    }

    @Test
    void cancelStopsARunningExperiment() throws Exception {
        String id = JSON.readTree(send("POST", "/api/experiments", spec(500)).body()).get("id").asText();
        HttpResponse<String> cancel = send("POST", "/api/experiments/" + id + "/cancel", null);
        assertThat(cancel.statusCode()).isEqualTo(202);
        JsonNode end = awaitEnd(id);
        assertThat(end.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(end.get("done").asInt()).isLessThan(1000);
        assertThat(JSON.readTree(send("GET", "/api/experiments/" + id + "/results?runs=false", null).body()).has("runs")).isFalse();
    }

    @Test
    void badSpecsAre400WithEveryProblemAndItsPath() throws Exception {
        HttpResponse<String> malformed = send("POST", "/api/experiments", "{ \"schemaVersion\": 1, ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        JsonNode m = JSON.readTree(malformed.body());
        assertThat(m.at("/errors/0/path").asText()).isEqualTo("$");
        assertThat(m.at("/errors/0/message").asText()).startsWith("not valid JSON");

        HttpResponse<String> bad = send("POST", "/api/experiments", """
                { "schemaVersion": 1, "name": "bad", "replicates": 0, "baseSeed": 1,
                  "scenarios": [ { "label": "a", "scenario": { "schemaVersion": 1, "subnets": [ { "name": "s", "rewardCurve": { "type": "NOPE" } } ] } } ],
                  "sweep": { "axes": [ { "path": "$.subnets[3].rewardCurve.alpha", "kind": "RANGE", "from": 1, "to": 2, "steps": 2 } ] } }""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode b = JSON.readTree(bad.body());
        assertThat(b.get("errors").findValuesAsText("path")).contains("$.replicates");
        assertThat(b.get("errors").findValuesAsText("path")).anyMatch(p -> p.startsWith("$.scenarios[0].scenario.subnets[0].rewardCurve.type"));

        HttpResponse<String> badPath = send("POST", "/api/experiments", spec(2).replace("\"replicates\"",
                "\"sweep\": { \"axes\": [ { \"path\": \"$.subnets[3].rewardCurve.alpha\", \"kind\": \"LIST\", \"values\": [1, 2] } ] }, \"replicates\""));
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(badPath.body()).contains("has no $.subnets[3]");

        HttpResponse<String> notObject = send("POST", "/api/experiments", "[1, 2]");
        assertThat(notObject.statusCode()).isEqualTo(400);
        HttpResponse<String> empty = send("POST", "/api/experiments", "");
        assertThat(empty.statusCode()).isEqualTo(400);
        HttpResponse<String> tooBig = send("POST", "/api/experiments", "{\"name\": \"" + "x".repeat(70_000) + "\"}");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        HttpResponse<String> badGroup = send("GET", "/api/experiments/" + UUID.randomUUID() + "/compare?a=x&b=y", null);
        assertThat(badGroup.statusCode()).isEqualTo(404);
        for (HttpResponse<String> res : List.of(malformed, bad, badPath, notObject, empty, tooBig)) {
            assertThat(res.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void unknownAndMalformedIdsAre404() throws Exception {
        String unknown = UUID.randomUUID().toString();
        for (String path : new String[] {"/api/experiments/" + unknown, "/api/experiments/" + unknown + "/results",
                "/api/experiments/" + unknown + "/results.csv", "/api/experiments/" + unknown + "/runs.csv",
                "/api/experiments/not-a-uuid", "/api/experiments/not-a-uuid/results", "/api/experiments/%2e%2e",
                "/api/experiments/" + unknown + "/points/0/series"}) {
            HttpResponse<String> res = send("GET", path, null);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertThat(res.body()).doesNotContain("Exception");
        }
        assertThat(send("DELETE", "/api/experiments/" + unknown, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/experiments/12345", null).statusCode()).isEqualTo(404);
    }

    @Test
    void vaadinStillServesTheAppBesideTheApi() throws Exception {
        assertThat(send("GET", "/", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/experiments/" + UUID.randomUUID(), null).headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }
}
