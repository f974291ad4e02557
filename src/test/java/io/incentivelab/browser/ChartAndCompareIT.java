package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookJson.curveSweep;
import static io.incentivelab.browser.NotebookJson.notebook;
import static io.incentivelab.browser.NotebookJson.scenario;
import static io.incentivelab.browser.NotebookJson.subnet;
import static io.incentivelab.browser.NotebookPage.card;
import static io.incentivelab.browser.NotebookPage.click;
import static io.incentivelab.browser.NotebookPage.runExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.OwnerKey;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A new user opens a notebook with a scenario and a reward-curve experiment, runs it, adds a chart and sees its
 * points drawn, downloads it as a PNG, adds a comparison and reads p-values, changes the scenario and sees the
 * experiment, chart and comparison marked stale, and brings them up to date with "Run all".
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:chartit;DB_CLOSE_DELAY=-1")
class ChartAndCompareIT extends BrowserTest {

    /** The browser contexts that open the notebooks this test imports hold this owner key. */
    static final OwnerKey OWNER = OwnerKey.generate();

    /** One subnet of {@code operators} over {@code days}, and its reward curve swept with {@code replicates} runs a point. */
    static String curves(int days, int operators, int replicates) {
        return notebook("Curves",
                scenario("One subnet", "one-subnet", days, 10, subnet("alpha", "SPEED", operators, 4)),
                curveSweep("c-exp", "Curve sweep", replicates, 7));
    }

    private Notebook importNotebook(int days, int operators, int replicates) {
        return importNotebook(days, operators, replicates, OWNER);
    }

    private Notebook importNotebook(int days, int operators, int replicates, OwnerKey owner) {
        return importNotebook(curves(days, operators, replicates), owner);
    }

    @Test
    void chartCompareAndStaleness() throws Exception {
        Notebook nb = importNotebook(2, 16, 3);
        onPage("chart", viewport(WIDTH, HEIGHT).setAcceptDownloads(true), OWNER, page -> steps(page, nb));
    }

    private void steps(Page page, Notebook nb) throws Exception {
        page.navigate(url("/notebooks/" + nb.id()));
        assertThat(card(page, "EXPERIMENT").locator(".cell-state")).hasText("Not run");
        runExperiment(page);
        assertThat(card(page, "EXPERIMENT").locator(".cell-state")).isHidden();

        // a chart of the sweep: the metric is proposed from the results; draw it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add chart")).click();
        Locator chartCard = card(page, "CHART");
        assertThat(chartCard.locator("vaadin-combo-box")).hasAttribute("has-value", "");
        click(chartCard, "Draw");
        Locator chart = chartCard.locator("lab-chart");
        assertThat(chart).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));
        assertThat(chart.locator("svg path").first()).isAttached();
        assertThat(chart.locator("svg")).containsText("WINNER_TAKE_ALL");
        assertThat(chartCard.locator(".cell-state")).isHidden();
        // the chart says when it has settled: `finished` goes with a new option and comes back once ECharts drew it
        assertThat(chart).hasAttribute("finished", "");
        Map<?, ?> redrawn = (Map<?, ?>) chart.evaluate("""
                async e => {
                  const oldValues = [];
                  const observer = new MutationObserver(records => records.forEach(r => oldValues.push(r.oldValue)));
                  observer.observe(e, {attributes: true, attributeFilter: ['finished'], attributeOldValue: true});
                  e.option = JSON.parse(JSON.stringify(e.option));
                  await e.updateComplete;
                  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
                  await new Promise(done => setTimeout(done, 0));
                  observer.disconnect();
                  return {oldValues, finished: e.hasAttribute('finished')};
                }""");
        @SuppressWarnings("unchecked")
        List<Object> oldValues = (List<Object>) redrawn.get("oldValues");
        assertThat(oldValues).as("cleared (it was set), then set again (it was not)").startsWith("").contains((Object) null);
        assertThat(redrawn.get("finished")).isEqualTo(true);

        // the same chart as a PNG
        Download download = page.waitForDownload(() -> click(chartCard, "Download PNG"));
        byte[] png = Files.readAllBytes(download.path());
        assertThat(download.suggestedFilename()).endsWith(".png");
        assertThat(png.length).isGreaterThan(1000);
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);

        // a time series of the same results with its band
        chartCard.locator("vaadin-select").nth(1).click(); // the first is the experiment, the second the kind
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Over time (mean, 95% band)")).click();
        click(chartCard, "Draw");
        assertThat(chart.locator("svg")).containsText("epoch");
        assertThat(chart).hasAttribute("finished", "");

        // a comparison of the two curves, with p-values and the parameter that differs
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add compare")).click();
        Locator compare = card(page, "COMPARE");
        click(compare, "Compare");
        Locator table = compare.locator(".compare-table");
        assertThat(table).containsText("alpha.giniEmission");
        assertThat(table).containsText("Welch p");
        assertThat(table.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^(0\\.\\d{4}|< 0\\.0001)$"))).first()).isVisible();
        assertThat(table.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^-?\\d+\\.\\d+ ± \\d+\\.\\d+$"))).first()).isVisible();
        assertThat(compare.locator(".parameter-diff")).containsText("$.subnets[0].rewardCurve.type");
        assertThat(compare.locator(".parameter-diff")).containsText("WINNER_TAKE_ALL");
        assertThat(compare.locator(".cell-state")).isHidden();

        // change the scenario: the experiment and everything drawn from it is stale
        card(page, "SCENARIO").getByText("Edit the scenario").click();
        Locator operators = card(page, "SCENARIO").locator("[data-path='$.subnets[0].miners.operators'] input");
        operators.fill("12");
        operators.press("Tab");
        assertThat(card(page, "EXPERIMENT").locator(".cell-state")).hasText("Stale");
        assertThat(chartCard.locator(".cell-state")).hasText("Stale");
        assertThat(compare.locator(".cell-state")).hasText("Stale");

        // Run all brings them up to date, top to bottom
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run all")).click();
        assertThat(compare.locator(".cell-state")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(240_000));
        assertThat(chartCard.locator(".cell-state")).isHidden();
        assertThat(card(page, "EXPERIMENT").locator(".cell-state")).isHidden();
        assertThat(chart).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));

        // reload: outputs are stored, nothing is stale
        page.reload();
        assertThat(card(page, "CHART").locator("lab-chart")).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));
        assertThat(card(page, "COMPARE").locator(".compare-table")).containsText("Welch p");
        assertThat(page.locator(".cell-state[data-state=stale]")).hasCount(0);
    }

    @Test
    void anotherUserNavigatesFreelyWhileALargerExperimentRuns() {
        Notebook big = importNotebook(30, 64, 40);
        OwnerKey otherUser = OwnerKey.generate();
        Notebook other = importNotebook(2, 8, 2, otherUser);
        try (BrowserContext a = browser.newContext(); BrowserContext b = browser.newContext()) {
            BrowserSupport.ownerKey(a, port, OWNER);
            Page runner = a.newPage();
            runner.navigate(url("/notebooks/" + big.id()));
            click(card(runner, "EXPERIMENT"), "Run");
            assertThat(card(runner, "EXPERIMENT").locator("vaadin-progress-bar")).isVisible();

            BrowserSupport.ownerKey(b, port, otherUser);
            Page browsing = b.newPage();
            for (int i = 0; i < 3; i++) {
                browsing.navigate(url("/"));
                assertThat(browsing.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook"))).isVisible();
                browsing.navigate(url("/notebooks/" + other.id()));
                assertThat(card(browsing, "EXPERIMENT").locator(".cell-state")).hasText("Not run");
                assertThat(card(browsing, "SCENARIO")).isVisible();
            }
            Locator cancel = card(runner, "EXPERIMENT").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"));
            if (cancel.isVisible()) {
                cancel.click(); // leave the shared machine's cores to the other tests
            }
        }
    }
}
