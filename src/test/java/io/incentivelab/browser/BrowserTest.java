package io.incentivelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the app on a random port (dev tools hidden), one Chromium (through
 * {@link BrowserSupport}) per test class, and pages on which a test's steps run with a screenshot when one fails.
 * A subclass names its own in-memory database with
 * {@code @TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1")}, so that
 * each class has an app and a database of its own (a subclass may also carry a whole {@code @SpringBootTest} of
 * its own instead). Public for browser tests in other packages (the hardening load test); Playwright objects are
 * confined to the thread that made them, so a test driving browsers from several threads launches one per thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:browsertest;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
public abstract class BrowserTest {

    /** The viewport of a page unless a test asks for another. */
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 1000;

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected NotebookService notebooks;

    /** What a test does on a page; it may throw (a download read from disk, say). */
    @FunctionalInterface
    public interface Steps {
        void on(Page page) throws Exception;
    }

    @BeforeAll
    protected static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A browser context with a {@code width} × {@code height} viewport; add to it what a test needs. */
    protected static Browser.NewContextOptions viewport(int width, int height) {
        return new Browser.NewContextOptions().setViewportSize(width, height);
    }

    /** Imports a notebook in the notebook file format (JSON) for {@code owner}. */
    protected Notebook importNotebook(String json, OwnerKey owner) {
        return notebooks.importFile(json.getBytes(StandardCharsets.UTF_8), owner);
    }

    /** {@link #onPage(String, Browser.NewContextOptions, OwnerKey, Steps)} on a 1400 × 1000 page of no owner. */
    protected void onPage(String name, Steps steps) throws Exception {
        onPage(name, viewport(WIDTH, HEIGHT), null, steps);
    }

    /** {@link #onPage(String, Browser.NewContextOptions, OwnerKey, Steps)} on a 1400 × 1000 page. */
    protected void onPage(String name, OwnerKey owner, Steps steps) throws Exception {
        onPage(name, viewport(WIDTH, HEIGHT), owner, steps);
    }

    /**
     * Runs {@code steps} on a fresh page of a context made with {@code options} whose browser holds {@code owner}'s
     * key (none if null), so that the notebooks imported for that owner are its to open and edit. On a failure,
     * saves a full-page screenshot as {@code target/screenshots/<name>-failed.png} before rethrowing the failure
     * (a screenshot that cannot be taken is added to it as suppressed, never in its place).
     */
    protected void onPage(String name, Browser.NewContextOptions options, OwnerKey owner, Steps steps) throws Exception {
        try (BrowserContext context = browser.newContext(options)) {
            if (owner != null) {
                BrowserSupport.ownerKey(context, port, owner);
            }
            Page page = context.newPage();
            try {
                steps.on(page);
            } catch (Exception | AssertionError e) {
                try {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setPath(Path.of("target/screenshots/" + name + "-failed.png")).setFullPage(true));
                } catch (RuntimeException screenshot) {
                    e.addSuppressed(screenshot);
                }
                throw e;
            }
        }
    }

    @AfterAll
    protected static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
