package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.incentivelab.notebook.OwnerKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Sharing between two people, A and B, each in an independent browser context (own cookies, so own owner
 * key): A shares, B sees the same numbers read-only and cannot change A's work, B forks and edits a copy of
 * its own, A revokes; revoked and unknown links look the same; no token reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:shareit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class ShareLinksIT extends BrowserTest {

    static final Pattern NUMBER = Pattern.compile("±");

    /** A's own copy of an example, with its results. */
    private String copyExample(Page a) {
        a.navigate(url("/examples/reward-curves"));
        a.locator("#edit-copy").click();
        assertThat(a).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
        return a.url();
    }

    private void openSharePanel(Page page) {
        page.getByText("Share and export").click();
        assertThat(page.locator("#share")).isVisible();
    }

    @Test
    void aSharesBViewsForksAndAIsUnchangedThenARevokes(CapturedOutput logs) {
        LoggerFactory.getLogger(ShareLinksIT.class).info("share-it log capture works");
        try (BrowserContext ctxA = browser.newContext(); BrowserContext ctxB = browser.newContext()) {
            Page a = ctxA.newPage();
            Page b = ctxB.newPage();
            String aNotebook = copyExample(a);
            String title = a.locator(".notebook-title input").inputValue();
            Locator aNumbers = a.locator(".results-table vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(NUMBER));
            assertThat(aNumbers.first()).isVisible();
            List<String> numbers = aNumbers.allTextContents().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
            assertThat(numbers).isNotEmpty();

            openSharePanel(a);
            a.locator("#share").click();
            Locator linkField = a.locator(".share-link input");
            assertThat(linkField).hasValue(Pattern.compile("^http://localhost:\\d+/s/[A-Za-z0-9_-]{22}$"));
            String link = linkField.inputValue();
            String token = link.substring(link.lastIndexOf('/') + 1);
            assertThat(a.locator(".share-link-row")).hasCount(1);

            // B opens the link: the same numbers, read-only
            b.navigate(link);
            Locator body = b.locator(".snapshot-body");
            assertThat(b.locator(".snapshot-title")).hasText(title);
            for (String n : numbers) {
                assertThat(body).containsText(n);
            }
            assertThat(body.locator("section.cell-chart svg polyline").first()).isVisible();
            assertThat(body.locator("section.cell-compare table.comparison")).isVisible();
            assertThat(body.locator("td.seed").first()).not().isEmpty();
            assertThat(b.locator("vaadin-text-field, vaadin-text-area, vaadin-number-field, vaadin-combo-box,"
                    + " vaadin-multi-select-combo-box, vaadin-select, .add-bar, #share, .run-button")).hasCount(0);
            assertThat(b.locator("vaadin-button")).hasCount(1);
            assertThat(b.locator("vaadin-button")).hasText("Fork");

            // B downloads the standalone report and a results CSV: offline, no script, same numbers
            Download report = b.waitForDownload(() -> b.locator(".report-link").click());
            String html = read(report);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("class=\"comparison\"")
                    .doesNotContainIgnoringCase("<script").doesNotContainPattern("(src|href)=\"(https?:)?//");
            for (String n : numbers) {
                assertThat(html).contains(n);
            }
            Download csv = b.waitForDownload(() -> b.locator(".result-download a").first().click());
            assertThat(read(csv)).startsWith("scenario,").contains(",metric,n,mean,ci95_low,ci95_high");

            // B's crafted requests change nothing: A's notebook is "not found" for B, posts to the link do nothing
            b.navigate(aNotebook);
            assertThat(b.getByText("Page not found")).isVisible();
            APIResponse post = ctxB.request().post(link, RequestOptions.create()
                    .setHeader("Content-Type", "application/json").setData("{\"title\":\"hacked\",\"cells\":[]}"));
            APIResponse put = ctxB.request().put(url("/notebooks/" + aNotebook.substring(aNotebook.lastIndexOf('/') + 1)),
                    RequestOptions.create().setHeader("Content-Type", "application/json").setData("{\"title\":\"hacked\"}"));
            assertThat(post.text()).doesNotContain("hacked");
            assertThat(put.text()).doesNotContain("hacked");
            b.navigate(link);
            for (String n : numbers) {
                assertThat(body).containsText(n);
            }
            assertThat(body).not().containsText("hacked");

            // B forks and edits its own copy
            b.locator("#fork").click();
            assertThat(b).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
            assertThat(b.url()).isNotEqualTo(aNotebook);
            assertThat(b.locator(".notebook-title input")).hasValue(title + " (copy)");
            for (String n : numbers.subList(0, Math.min(3, numbers.size()))) {
                assertThat(b.locator(".results-table vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                        .setHasText(n)).first()).isVisible();
            }
            b.locator(".notebook-title input").fill("B's version");
            assertThat(b.locator(".save-state")).hasText(Pattern.compile("^Saved \\d"));
            b.navigate(url("/"));
            assertThat(b.locator(".notebook-list")).containsText("B's version");
            assertThat(b.locator(".notebook-list")).not().containsText(title);

            a.navigate(aNotebook);
            assertThat(a.locator(".notebook-title input")).hasValue(title);
            a.navigate(url("/"));
            assertThat(a.locator(".notebook-list")).containsText(title);
            assertThat(a.locator(".notebook-list")).not().containsText("B's version");

            // A revokes: B's link and an unknown token show the same not-found page, status 404
            a.navigate(aNotebook);
            openSharePanel(a);
            a.locator(".share-link-row .revoke").click();
            assertThat(a.locator(".share-link-row")).hasCount(0);
            b.navigate(link);
            Locator notFound = b.locator(".not-found-view");
            assertThat(notFound).containsText("Page not found");
            assertThat(notFound).containsText("revoked");
            String revokedText = notFound.innerText();
            b.navigate(url("/s/" + OwnerKey.randomToken()));
            assertThat(notFound).containsText("Page not found");
            assertThat(notFound.innerText()).isEqualTo(revokedText);
            APIResponse revoked = ctxB.request().get(link);
            APIResponse unknown = ctxB.request().get(url("/s/" + OwnerKey.randomToken()));
            assertThat(revoked.status()).isEqualTo(404);
            assertThat(unknown.status()).isEqualTo(revoked.status());
            assertThat(ctxB.request().get(aNotebook).status()).as("A's notebook, for B").isEqualTo(404);
            assertThat(ctxA.request().get(aNotebook).status()).as("A's notebook, for A").isEqualTo(200);

            assertThat(logs.getAll()).contains("share-it log capture works").doesNotContain(token);
        }
    }

    private static String read(Download d) {
        try {
            return Files.readString(d.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEditLinkLetsAnotherBrowserEdit(CapturedOutput logs) {
        try (BrowserContext ctxA = browser.newContext(); BrowserContext ctxC = browser.newContext()) {
            Page a = ctxA.newPage();
            Page c = ctxC.newPage();
            String aNotebook = copyExample(a);
            c.navigate(aNotebook);
            assertThat(c.getByText("Page not found")).isVisible();
            openSharePanel(a);
            a.locator("#new-edit-link").click();
            Locator field = a.locator(".edit-link input");
            assertThat(field).hasValue(Pattern.compile("^http://localhost:\\d+/claim/[A-Za-z0-9_-]{22}$"));
            String editLink = field.inputValue();
            c.navigate(editLink);
            assertThat(c).hasURL(aNotebook);
            c.locator(".notebook-title input").fill("Edited by C");
            assertThat(c.locator(".save-state")).hasText(Pattern.compile("^Saved \\d"));
            a.reload();
            assertThat(a.locator(".notebook-title input")).hasValue("Edited by C");
            assertThat(logs.getAll()).doesNotContain(editLink.substring(editLink.lastIndexOf('/') + 1));
        }
    }
}
