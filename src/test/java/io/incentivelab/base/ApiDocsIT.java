package io.incentivelab.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.incentivelab.browser.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at {@code /v3/api-docs} keeps step with the controllers: every handler method under
 * {@code /api} (and {@code /s/}) appears with its HTTP method, every operation declares its 4xx answers with a
 * schema, and the documented error body is the one the app sends. Swagger UI at {@code /api/docs} renders in
 * Chromium under the app's security headers. A controller added without documentation fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:apidocsit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class ApiDocsIT extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private JsonNode api;

    @BeforeEach
    void fetchDescription() throws Exception {
        HttpResponse<String> answer = get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        api = JSON.readTree(answer.body());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-docs.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(api));
    }

    @Test
    void everyApiHandlerAppearsWithItsMethod() {
        List<String> missing = new ArrayList<>();
        Set<String> handlers = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (handler.getBeanType().getPackageName().startsWith("org.springdoc")) {
                continue; // the description and Swagger UI themselves
            }
            for (String pattern : e.getKey().getPatternValues()) {
                if (!isApi(pattern)) {
                    continue;
                }
                Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    missing.add(pattern + " (" + handler + "): maps every HTTP method; name the methods it serves");
                }
                for (RequestMethod m : methods) {
                    String name = m.name().toLowerCase();
                    handlers.add(name + " " + pattern);
                    if (api.path("paths").path(pattern).path(name).isMissingNode()) {
                        missing.add(m + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "."
                                + handler.getMethod().getName() + ") is not in /v3/api-docs");
                    }
                }
            }
        }
        assertThat(handlers).as("the API's handlers (sanity: the mapping was read)").hasSizeGreaterThanOrEqualTo(14);
        assertThat(missing).as("handlers missing from the OpenAPI description").isEmpty();
        Set<String> described = new TreeSet<>();
        forEachOperation((path, method, op) -> described.add(method + " " + path));
        assertThat(described).as("operations in the description that no handler serves").isEqualTo(handlers);
    }

    @Test
    void everyOperationDeclaresItsErrorsWithASchema() {
        List<String> problems = new ArrayList<>();
        forEachOperation((path, method, op) -> {
            String where = method.toUpperCase() + " " + path;
            if (op.path("summary").asText("").isBlank()) {
                problems.add(where + ": no summary");
            }
            List<String> errors = new ArrayList<>();
            boolean success = false;
            for (Iterator<String> codes = op.path("responses").fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                JsonNode response = resolve(op.path("responses").path(code));
                if (code.startsWith("2")) {
                    success = true;
                }
                if (!code.startsWith("4")) {
                    continue;
                }
                errors.add(code);
                JsonNode content = response.path("content");
                if (!content.isObject() || content.isEmpty()) {
                    problems.add(where + ": " + code + " has no content");
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = resolve(media.getValue().path("schema"));
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        problems.add(where + ": " + code + " " + media.getKey() + " has no schema");
                    } else if (!media.getKey().equals(ApiDocsConfiguration.PROBLEM_JSON)
                            || !schema.path("properties").has("status")) {
                        problems.add(where + ": " + code + " is not the app's Problem (application/problem+json)");
                    }
                });
            }
            if (!success) {
                problems.add(where + ": no 2xx answer");
            }
            if (errors.isEmpty()) {
                problems.add(where + ": declares no 4xx answer");
            }
            if (path.contains("{") && !errors.contains("404")) {
                problems.add(where + ": has a path parameter but does not declare 404");
            }
            JsonNode body = op.path("requestBody");
            if (!body.isMissingNode()) {
                if (!errors.contains("400")) {
                    problems.add(where + ": takes a body but does not declare 400");
                }
                body.path("content").fields().forEachRemaining(media -> {
                    if (resolve(media.getValue().path("schema")).isEmpty()) {
                        problems.add(where + ": request body " + media.getKey() + " has no schema");
                    }
                });
            }
        });
        assertThat(problems).as("operations without documented errors").isEmpty();
        assertThat(api.path("paths").path("/api/experiments").path("post").path("requestBody").isMissingNode())
                .as("the experiment file is documented as the body of POST /api/experiments").isFalse();
        assertThat(api.path("paths").path("/api/notebooks/{id}").path("put").path("requestBody").isMissingNode())
                .as("the notebook file is documented as the body of PUT /api/notebooks/{id}").isFalse();
    }

    @Test
    void theDocumentedProblemIsWhatTheAppSends() throws Exception {
        Set<String> documented = new TreeSet<>();
        api.at("/components/schemas/Problem/properties").fieldNames().forEachRemaining(documented::add);
        Set<String> errorFields = new TreeSet<>();
        api.at("/components/schemas/ProblemError/properties").fieldNames().forEachRemaining(errorFields::add);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri("/api/experiments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemaVersion\": 1, \"colour\": \"red\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = get("/api/notebooks/no-such-notebook");
        for (HttpResponse<String> answer : List.of(bad, unknown)) {
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith(ApiDocsConfiguration.PROBLEM_JSON));
            JsonNode body = JSON.readTree(answer.body());
            Set<String> sent = new TreeSet<>();
            body.fieldNames().forEachRemaining(sent::add);
            assertThat(documented).as("the Problem schema covers the fields of " + answer.body()).containsAll(sent);
            for (JsonNode error : body.path("errors")) {
                error.fieldNames().forEachRemaining(f -> assertThat(errorFields).contains(f));
            }
        }
        assertThat(JSON.readTree(bad.body()).path("errors").size()).isGreaterThan(0);
    }

    @Test
    void swaggerUiRendersInChromium() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            List<String> problems = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    problems.add(m.text());
                }
            });
            page.onPageError(problems::add);
            page.navigate("http://localhost:" + port + "/api/docs");
            PlaywrightAssertions.assertThat(page.locator(".information-container .title").first())
                    .containsText("Incentive Lab API");
            PlaywrightAssertions.assertThat(page.locator(".opblock-summary-path[data-path='/api/experiments/{id}/results']")
                    .first()).isVisible();
            assertThat(page.url()).as("served by Spring MVC's Swagger UI, not a Vaadin view").contains("/swagger-ui/");
            assertThat(problems).as("no script errors or content-security-policy violations").isEmpty();
        }
    }

    private boolean isApi(String pattern) {
        return pattern.equals("/api") || pattern.startsWith("/api/") || pattern.startsWith("/s/");
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && hops++ < 10) {
            String ref = node.path("$ref").asText();
            assertThat(ref).as("a local reference").startsWith("#/");
            node = api.at(ref.substring(1));
            assertThat(node.isMissingNode()).as(ref + " resolves").isFalse();
        }
        return node;
    }

    private void forEachOperation(OperationVisitor visitor) {
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                visitor.visit(path.getKey(), op.getKey(), op.getValue());
            }
        }));
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
