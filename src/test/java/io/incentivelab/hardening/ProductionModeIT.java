package io.incentivelab.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app ({@code target/incentive-lab.jar}, as shipped) in production mode: no H2 console, no Vaadin
 * development tools or dev server, error pages without stack traces or exception names, no actuator endpoint but
 * health, and the security headers on pages, API answers and errors alike.
 */
class ProductionModeIT {

    @TempDir
    static Path tmp;
    static AppProcess app;

    @BeforeAll
    static void start() throws Exception {
        app = AppProcess.start(Files.createDirectories(tmp.resolve("data")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJarHoldsNoBenchAndNoTestCode() throws Exception {
        List<String> entries;
        try (JarFile jar = new JarFile(AppProcess.JAR.toFile())) {
            entries = jar.stream().map(JarEntry::getName).toList();
        }
        assertThat(entries).as("the app's own classes are packaged")
                .contains("BOOT-INF/classes/io/incentivelab/cli/Cli.class");
        assertThat(entries).as("bench lives in src/bench, outside the production jar")
                .noneMatch(e -> e.contains("io/incentivelab/cli/bench/"))
                .noneMatch(e -> e.endsWith("META-INF/services/io.incentivelab.cli.Command"))
                .noneMatch(e -> e.matches(".*/io/incentivelab/.*(Test|IT)\\.class"));
    }

    @Test
    void noH2ConsoleNoActuatorBeyondHealth() throws Exception {
        HttpResponse<String> login = app.get("/h2-console/login.jsp");
        assertThat(login.body()).doesNotContainIgnoringCase("h2 console").doesNotContain("login.do").doesNotContain("jdbc:");
        for (String path : List.of("/h2-console", "/h2-console/", "/actuator/env",
                "/actuator/beans", "/actuator/heapdump", "/actuator/configprops")) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("h2 console").doesNotContain("jdbc:")
                    .doesNotContain("login.do");
        }
        assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bootstrapPageIsInProductionModeWithoutDevTools() throws Exception {
        HttpResponse<String> page = app.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).as("the production bundle is served").contains("/VAADIN/build/");
        assertThat(html).doesNotContain("vaadin-dev-tools").doesNotContain("@vite/client")
                .doesNotContain("devToolsEnabled").doesNotContainIgnoringCase("liveReload");
        for (String path : List.of("/VAADIN/@vite/client", "/VAADIN/dev-tools", "/VAADIN/generated/jar-resources/vaadin-dev-tools/vaadin-dev-tools.js",
                "/VAADIN/static/devmode/devmode.js", "/VAADIN/@id/vaadin-dev-tools")) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isIn(403, 404);
            assertThat(r.body()).as(path).doesNotContain("customElements").doesNotContain("import ");
        }
        String log = Files.readString(app.log);
        assertThat(log).as("the app log").doesNotContain("development mode").doesNotContain("Starting dev-server")
                .doesNotContain("Vite");
    }

    @Test
    void errorPagesShowNoStackTrace() throws Exception {
        for (String path : List.of("/api/experiments/not-a-number", "/api/experiments/not-a-number/results",
                "/api/experiments/00000000-0000-0000-0000-000000000000/points/x/series", "/api/notebooks/nope",
                "/api/no-such-api", "/no-such-page", "/notebooks/not-an-id", "/s/not-a-token",
                "/api/experiments/x?trace=true")) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
            assertThat(r.body()).as(path).doesNotContain("\tat ").doesNotContain("at io.incentivelab")
                    .doesNotContain("at org.springframework").doesNotContain("Exception").doesNotContain("\"trace\"");
            headers(path, r);
        }
        HttpResponse<String> traversal = app.get("/%2e%2e/%2e%2e/etc/passwd"); // refused by Tomcat before any filter
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(traversal.body()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("root:");
        HttpResponse<String> error = app.get("/error?trace=true&message=true"); // Spring's error endpoint hit directly
        assertThat(error.body()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\"trace\"");
        HttpResponse<String> badJson = app.post("/api/experiments", "{ not json");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).doesNotContain("\tat ").doesNotContain("Exception");
        HttpResponse<String> wrongMethod = app.post("/api/experiments/00000000-0000-0000-0000-000000000000/results", "{}");
        assertThat(wrongMethod.statusCode()).isBetween(400, 499);
        assertThat(wrongMethod.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void securityHeadersOnPagesAndApi() throws Exception {
        for (String path : List.of("/", "/actuator/health", "/api/experiments/00000000-0000-0000-0000-000000000000")) {
            headers(path, app.get(path));
        }
    }

    private static void headers(String path, HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
    }
}
