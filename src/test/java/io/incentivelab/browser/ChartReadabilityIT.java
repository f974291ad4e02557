package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Charts a newcomer reads without being misled (issue 20 item 5): the interactive chart's tooltip gives each
 * mean with its 95% CI (not the band's raw stacked parts, not box-plot quartiles); a comparison takes the
 * heading typed for it; the share page's static chart has y-axis ticks and title and a legend, and its
 * comparison is titled by that heading.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:chartreadit;DB_CLOSE_DELAY=-1")
class ChartReadabilityIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();

    /** Shows the ECharts tooltip of one data item, as hovering it would. */
    private static void showTip(Locator chart, int series, int dataIndex) {
        chart.evaluate("(e, a) => e.chart.dispatchAction({type: 'showTip', seriesIndex: a[0], dataIndex: a[1]})",
                List.of(series, dataIndex));
    }

    @Test
    void tooltipsGiveCisComparisonsTheirHeadingAndSharedChartsAxesAndLegends() throws Exception {
        Notebook nb = importNotebook(ChartAndCompareIT.curves(2, 12, 3), OWNER);
        onPage("chart-readability", OWNER, page -> steps(page, nb));
    }

    private void steps(Page page, Notebook nb) {
        page.navigate(url("/notebooks/" + nb.id()));
        runExperiment(page);

        // across the sweep: the mean's tooltip names its 95% CI; no quartiles of the error bars
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add chart")).click();
        Locator chartCard = card(page, "CHART");
        click(chartCard, "Draw");
        Locator chart = chartCard.locator("lab-chart");
        assertThat(chart).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));
        Pattern ci = Pattern.compile("-?\\d[\\d.e-]* \\(95% CI -?\\d[\\d.e-]*–-?\\d[\\d.e-]*\\)");
        showTip(chart, 0, 1);
        Locator tooltip = chart.locator("div").filter(new Locator.FilterOptions().setHasText("95% CI")).last();
        assertThat(tooltip).isVisible();
        assertThat(tooltip).containsText(ci);
        assertThat(tooltip).not().containsText("Q1");
        assertThat(tooltip).not().containsText("median");

        // over time: each line's tooltip gives its CI, not the band's lower bound and width
        chartCard.locator("vaadin-select").nth(1).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Over time (mean, 95% band)")).click();
        click(chartCard, "Draw");
        assertThat(chart.locator("svg")).containsText("epoch");
        showTip(chart, 0, 2);
        tooltip = chart.locator("div").filter(new Locator.FilterOptions().setHasText("95% CI")).last();
        assertThat(tooltip).isVisible();
        assertThat(tooltip).containsText("WINNER_TAKE_ALL");
        assertThat(tooltip).not().containsText("95% band");
        assertThat(tooltip).not().containsText("95% low");
        chartCard.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/chart-tooltip.png")));

        // a comparison titled by the heading typed for it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add compare")).click();
        Locator compare = card(page, "COMPARE");
        Locator heading = compare.locator(".compare-heading-field input");
        heading.fill("Winner-take-all vs proportional");
        heading.press("Tab");
        click(compare, "Compare");
        assertThat(compare.locator(".compare-table")).containsText("Welch p");
        assertThat(compare.locator(".compare-table")).containsText("alpha · Gini of miner emission");
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("^Saved \\d"));

        // the share page: static charts with y ticks, a y title and a legend; the comparison under its heading
        Locator body = openSharePage(page);
        Locator svg = body.locator("section.cell-chart svg").first();
        assertThat(svg).isVisible();
        assertThat(svg.locator(".y-tick").nth(2)).isAttached();
        assertThat(svg.locator(".y-title")).hasText("alpha · Gini of miner emission");
        assertThat(svg.locator(".legend-item")).hasCount(2);
        assertThat(svg.locator(".legend-item").first()).containsText("PROPORTIONAL");
        assertThat(svg.locator("circle.point title").first()).hasText(Pattern.compile("95% CI"));
        assertThat(body.locator("section.cell-compare h2")).hasText("Compare: Winner-take-all vs proportional");
    }
}
