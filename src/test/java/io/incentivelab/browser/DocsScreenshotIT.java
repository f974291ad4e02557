package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

/**
 * Takes the README's screenshot from the running app: the <i>Reward curves</i> example notebook in Chromium,
 * scrolled to the chart of the winner-take-all question, drawn from the stored results. Run on purpose only,
 * after a UI change:
 * {@code ./mvnw -B -Pproduction verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DocsScreenshotIT -Ddocs.screenshot=true};
 * it writes {@code docs/img/example-notebook.png} (or the file named by {@code -Ddocs.screenshot.file}).
 */
@EnabledIfSystemProperty(named = "docs.screenshot", matches = "true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:docsshot;DB_CLOSE_DELAY=-1")
class DocsScreenshotIT extends BrowserTest {

    static final Path FILE = Path.of(System.getProperty("docs.screenshot.file", "docs/img/example-notebook.png"));

    @Test
    void exampleNotebook() throws Exception {
        onPage("docs-screenshot", viewport(1280, 860).setDeviceScaleFactor(1), null, page -> {
            page.navigate(url("/examples/reward-curves"));
            Locator question = page.getByText("Does winner-take-all concentrate rewards more than proportional?")
                    .first();
            assertThat(question).isVisible();
            // every chart of the example is drawn from its stored option
            assertThat(page.locator("lab-chart[data-points]")).hasCount(4);
            // the third chart: the top operator's share over time, proportional vs winner-take-all
            page.locator("lab-chart[data-points]").nth(2).evaluate("e => e.scrollIntoView({block: 'center'})");
            // and has settled: ECharts has finished drawing its latest option at its present size
            assertThat(page.locator("lab-chart[data-points][finished]")).hasCount(4);
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(FILE));
            Assertions.assertThat(Files.size(FILE)).isGreaterThan(10_000);
        });
    }
}
