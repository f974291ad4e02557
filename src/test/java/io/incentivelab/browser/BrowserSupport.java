package io.incentivelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Launches Debian's Chromium through Playwright for Java, as platform.md §5 describes: no browser download,
 * the system Node runs the driver, background networking off (the machine's network is closed).
 */
public final class BrowserSupport {

    public static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");

    private BrowserSupport() {
    }

    public static Playwright playwright() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.create(new Playwright.CreateOptions().setEnv(env));
    }

    public static Browser launch(Playwright playwright) {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException("Chromium not found at " + CHROMIUM
                    + "; install Debian's chromium (apt-get install -y chromium) or set -Dchromium.path");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    /**
     * Gives a browser context an owner key (the {@code lab_owner} cookie), so that notebooks a test made
     * through the service with that key are this browser's to open and edit.
     */
    public static OwnerKey ownerKey(BrowserContext context, int port,
            OwnerKey key) {
        context.addCookies(List.of(new Cookie(
                OwnerKeyFilter.COOKIE, key.value())
                .setUrl("http://localhost:" + port)));
        return key;
    }
}
