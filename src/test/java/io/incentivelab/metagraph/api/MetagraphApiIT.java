package io.incentivelab.metagraph.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.metagraph.GeneratedSnapshots;
import io.incentivelab.scenario.ScenarioCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/metagraph/import} over real HTTP: the scenario and the Yuma check; problem+json for bad files. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:metagraph-api-it;DB_CLOSE_DELAY=-1",
        "vaadin.devmode.devTools.enabled=false"})
class MetagraphApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/metagraph/import"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importsASnapshotAsAScenarioWithTheYumaCheck() throws Exception {
        HttpResponse<String> r = post(GeneratedSnapshots.text(GeneratedSnapshots.generate(8, 10, 40, true)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = JSON.readTree(r.body());
        assertThat(a.get("validators").asInt()).isEqualTo(10);
        assertThat(a.get("minerUids").asInt()).isEqualTo(40);
        assertThat(a.get("yumaCheck").get("withinTolerance").asBoolean()).isTrue();
        var scenario = ScenarioCodec.parse(a.get("scenario"));
        assertThat(scenario.subnets().get(0).validators().count()).isEqualTo(10);
        assertThat(scenario.subnets().get(0).miners().operators()).isEqualTo(a.get("operators").asInt());
    }

    @Test
    void badSnapshotsAreProblemsNamingTheField() throws Exception {
        ObjectNode s = GeneratedSnapshots.generate(8, 3, 6, true);
        ((ArrayNode) s.get("stake")).set(1, -3.0);
        HttpResponse<String> r = post(GeneratedSnapshots.text(s));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("errors").get(0).get("path").asText()).isEqualTo("$.stake[1]");
        assertThat(post("{\"format\": \"other\"}").statusCode()).isEqualTo(400);
        assertThat(post("x".repeat(16 * 1024 * 1024 + 10)).statusCode()).isEqualTo(413);
    }
}
