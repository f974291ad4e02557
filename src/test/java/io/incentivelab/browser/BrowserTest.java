package io.incentivelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
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
