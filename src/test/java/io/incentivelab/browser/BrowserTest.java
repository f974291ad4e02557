package io.incentivelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one Chromium (through {@link BrowserSupport}) per test class, and the random port
 * of the app under test. Subclasses carry their own {@code @SpringBootTest} with their own in-memory database.
 * Public for browser tests in other packages (the hardening load test); Playwright objects are confined to
 * the thread that made them, so a test driving browsers from several threads launches one per thread.
 */
public abstract class BrowserTest {

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    protected static void startBrowser() {
        playwright = BrowserSupport.playwright();
        browser = BrowserSupport.launch(playwright);
    }

    /**
     * Runs {@code steps} on a fresh 1400 × 1000 page; on a failure, saves a full-page screenshot as
     * {@code target/screenshots/<name>-failed.png} before rethrowing.
     */
    protected void onPage(String name, Consumer<Page> steps) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            try {
                steps.accept(page);
            } catch (RuntimeException | AssertionError e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + "-failed.png"))
                        .setFullPage(true));
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
