package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Malformed and hostile experiment documents posted to the HTTP API: every one is answered by a 4xx (or 202 when
 * the change left a valid file) with the fields named — never a 500 or a stack trace. Unknown ids are 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:hostileapi;DB_CLOSE_DELAY=-1",
                "lab.experiments.resume-on-startup=false"})
class HostileApiIT {

    private static final String EXPERIMENT = HostileDocuments.read("data/examples/curve-comparison.experiment.json");

    @Autowired
    TestRestTemplate http;

    @Test
    void hostileExperimentFilesGetFieldMessagesNeverA500() throws Exception {
        List<String> kinds = new ArrayList<>(HostileDocuments.KINDS);
        kinds.addAll(HostileDocuments.TEXT_KINDS);
        int rejected = 0;
        for (String kind : kinds) {
            for (long seed = 1; seed <= 4; seed++) {
                String doc = HostileDocuments.mutate(EXPERIMENT, kind, seed * 7919 + kind.hashCode());
                ResponseEntity<String> response = post(doc);
                int status = response.getStatusCode().value();
                String body = response.getBody() == null ? "" : response.getBody();
                assertThat(status).as(kind + " " + seed + ": " + body).isIn(202, 400, 413);
                assertThat(body).doesNotContain("\tat ").doesNotContain("Exception:");
                if (status == 202) {
                    String id = HostileDocuments.JSON.readTree(body).get("id").asText();
                    http.delete("/api/experiments/" + id);
                } else if (status == 400) {
                    rejected++;
                    JsonNode errors = HostileDocuments.JSON.readTree(body).get("errors");
                    assertThat(errors).as(body).isNotEmpty();
                    errors.forEach(e -> assertThat(e.get("path").asText()).startsWith("$"));
                }
            }
        }
        assertThat(rejected).isGreaterThan(kinds.size());
    }

    @Test
    void oversizedBodiesAre413AndUnknownIds404() {
        String huge = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        assertThat(post(huge).getStatusCode().value()).isEqualTo(413);
        for (String id : List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "..%2F..%2Fetc", "' OR 1=1")) {
            assertThat(http.getForEntity("/api/experiments/" + id, String.class).getStatusCode().value())
                    .as(id).isEqualTo(404);
        }
    }

    @Test
    void hostileNotebookFilesGetFieldMessagesNeverA500AndNothingIsOverwritten() throws Exception {
        String notebook = HostileDocuments.read("data/examples/verification.notebook.json");
        String cookie = OwnerKeyFilter.COOKIE + "="
                + OwnerKey.generate().value();
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/notebooks", notebook, cookie, null);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = HostileDocuments.JSON.readTree(created.getBody()).get("id").asText();
        String stored = send(HttpMethod.GET, "/api/notebooks/" + id, null, cookie, null).getBody();

        List<String> kinds = new ArrayList<>(HostileDocuments.KINDS);
        kinds.addAll(HostileDocuments.TEXT_KINDS);
        int rejected = 0;
        long version = 0;
        for (String kind : kinds) {
            for (long seed = 1; seed <= 3; seed++) {
                String doc = HostileDocuments.mutate(notebook, kind, seed * 104729 + kind.hashCode());
                for (HttpMethod method : List.of(HttpMethod.POST,
                        HttpMethod.PUT)) {
                    boolean put = method == HttpMethod.PUT;
                    ResponseEntity<String> r = send(method, put ? "/api/notebooks/" + id : "/api/notebooks", doc, cookie,
                            put ? "\"" + version + "\"" : null);
                    int status = r.getStatusCode().value();
                    String body = r.getBody() == null ? "" : r.getBody();
                    assertThat(status).as(method + " " + kind + " " + seed + ": " + body).isIn(put ? 200 : 201, 400, 413);
                    assertThat(body).doesNotContain("\tat ").doesNotContain("Exception:");
                    if (status == 400) {
                        rejected++;
                        JsonNode errors = HostileDocuments.JSON.readTree(body).get("errors");
                        assertThat(errors).as(body).isNotEmpty();
                        errors.forEach(e -> assertThat(e.get("path").asText()).startsWith("$"));
                    }
                    if (put && status == 200) { // a harmless change (an optional field removed, say) was saved
                        version = HostileDocuments.JSON.readTree(body).get("version").asLong();
                        stored = send(HttpMethod.GET, "/api/notebooks/" + id, null, cookie, null).getBody();
                    } else if (put) { // a refused save changed nothing
                        String now = send(HttpMethod.GET, "/api/notebooks/" + id, null, cookie, null).getBody();
                        assertThat(now).isEqualTo(stored);
                    }
                }
            }
        }
        assertThat(rejected).isGreaterThan(kinds.size());

        String huge = "{\"formatVersion\":1,\"title\":\"" + "x".repeat(9 * 1024 * 1024) + "\",\"cells\":[]}";
        ResponseEntity<String> tooBig = send(HttpMethod.POST, "/api/notebooks", huge, cookie, null);
        assertThat(tooBig.getStatusCode().value()).isEqualTo(413);
        ResponseEntity<String> noVersion = send(HttpMethod.PUT, "/api/notebooks/" + id, notebook, cookie, null);
        assertThat(noVersion.getStatusCode().value()).isEqualTo(428);
        ResponseEntity<String> stale = send(HttpMethod.PUT, "/api/notebooks/" + id, notebook, cookie, "\"999\"");
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<String> others = send(HttpMethod.GET, "/api/notebooks/" + id, null,
                OwnerKeyFilter.COOKIE + "=" + OwnerKey.generate().value(), null);
        assertThat(others.getStatusCode().value()).as("another key sees nothing").isEqualTo(404);
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String cookie,
            String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        headers.add("Cookie", cookie);
        if (ifMatch != null) {
            headers.add("If-Match", ifMatch);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/api/experiments", new HttpEntity<>(body, headers), String.class);
    }
}
