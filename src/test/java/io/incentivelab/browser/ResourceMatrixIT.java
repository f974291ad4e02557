package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookJson.curveSweep;
import static io.incentivelab.browser.NotebookJson.notebook;
import static io.incentivelab.browser.NotebookJson.scenario;
import static io.incentivelab.browser.NotebookJson.subnet;
import static io.incentivelab.browser.NotebookPage.card;
import static io.incentivelab.browser.NotebookPage.click;
import static io.incentivelab.browser.NotebookPage.openSharePage;
import static io.incentivelab.browser.NotebookPage.runExperiment;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.OwnerKey;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Results a newcomer reads right (issue 20 item 4): the swept parameter is the first column and metrics have
 * names for people; the subnet × resource matrix (each subnet's share of compute, storage and quality, with
 * CIs) is one view of the results and a chart kind, and both reach the share page.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:matrixit;DB_CLOSE_DELAY=-1")
class ResourceMatrixIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();

    static final String NOTEBOOK = notebook("Two subnets",
            scenario("Speed and storage", "two-subnets", 2, 10,
                    subnet("alpha", "SPEED", 10, 3), subnet("beta", "STORAGE", 10, 3)),
            curveSweep("c-exp", "Curves", 3, 11));

    @Test
    void theMatrixIsAViewOfTheResultsAChartAndOnTheSharePage() throws Exception {
        Notebook nb = importNotebook(NOTEBOOK, OWNER);
        onPage("resource-matrix", OWNER, page -> steps(page, nb));
    }

    private void steps(Page page, Notebook nb) {
        page.navigate(url("/notebooks/" + nb.id()));
        Locator experiment = runExperiment(page);

        // the table: the swept parameter left of every metric, metrics named for people (the key beneath)
        Locator results = experiment.locator(".results-table");
        // the swept parameter is named for people too: its subnet, section and label, the path beneath
        Locator swept = results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("alpha: Reward curve › Type")).first();
        Locator gini = results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("alpha · Gini of miner emission")).first();
        assertThat(swept).isVisible();
        assertThat(swept).containsText("subnets[0].rewardCurve.type");
        assertThat(gini).isVisible();
        assertThat(gini).containsText("alpha.giniEmission");
        assertThat(swept.boundingBox().x).isLessThan(gini.boundingBox().x);

        // the matrix view: each subnet's share of each resource with its CI
        results.locator(".results-view").getByText("Subnet × resource matrix").click();
        Locator matrix = results.locator(".resource-matrix");
        assertThat(matrix).isVisible();
        assertThat(matrix).containsText("share of compute");
        assertThat(matrix).containsText("share of quality");
        assertThat(matrix.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^beta$")))).hasCount(1);
        assertThat(matrix.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^[01](\\.\\d+)? ± \\d+(\\.\\d+)?(e-\\d+)? \\(3\\)$")))).hasCount(6);
        matrix.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("WINNER_TAKE_ALL"))).click();
        assertThat(matrix.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile(" ± ")))).hasCount(6);
        experiment.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/resource-matrix.png")));
        results.locator(".results-view").getByText("Metrics").click();
        assertThat(gini).isVisible();

        // the matrix as a chart: a heat map of subnets × resources
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add chart")).click();
        Locator chartCard = card(page, "CHART");
        chartCard.locator("vaadin-select").nth(1).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Subnet × resource shares (heat map)")).click();
        click(chartCard, "Draw");
        Locator chart = chartCard.locator("lab-chart");
        assertThat(chart).hasAttribute("data-points", "6");
        assertThat(chart.locator("svg")).containsText("quality");
        assertThat(chart.locator("svg")).containsText("beta");
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("^Saved \\d"));
        chartCard.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/resource-matrix-chart.png")));

        // the share page: the matrix under the results and the chart as a table of shares with CIs
        Locator body = openSharePage(page);
        assertThat(body.locator("section.cell-experiment table.resource-matrix")).hasCount(2);
        assertThat(body.locator("section.cell-experiment table.resource-matrix").first()).containsText("share of storage");
        assertThat(body.locator("section.cell-experiment table.results th").first()).hasText("subnets[0].rewardCurve.type");
        Locator heat = body.locator("section.cell-chart table.heatmap");
        assertThat(heat).containsText("beta");
        assertThat(heat.locator("td").filter(new Locator.FilterOptions().setHasText(" ± "))).hasCount(6);
    }
}
