package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Charts a newcomer reads without being misled (issue 20 item 5): the interactive chart's tooltip gives each
 * mean with its 95% CI (not the band's raw stacked parts, not box-plot quartiles); a comparison takes the
 * heading typed for it; the share page's static chart has y-axis ticks and title and a legend, and its
 * comparison is titled by that heading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:chartreadit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class ChartReadabilityIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();

    @Autowired
    NotebookService notebooks;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Locator card(Page page, String type) {
        return page.locator(".cell-card[data-cell-type=" + type + "]");
    }

    private static void click(Locator scope, String button) {
        scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    /** Shows the ECharts tooltip of one data item, as hovering it would. */
    private static void showTip(Locator chart, int series, int dataIndex) {
        chart.evaluate("(e, a) => e.chart.dispatchAction({type: 'showTip', seriesIndex: a[0], dataIndex: a[1]})",
                List.of(series, dataIndex));
    }

    @Test
    void tooltipsGiveCisComparisonsTheirHeadingAndSharedChartsAxesAndLegends() throws Exception {
        Notebook nb = notebooks.importFile(String.format(ChartAndCompareIT.NOTEBOOK, 2, 12, 3).getBytes(StandardCharsets.UTF_8),
                OWNER);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            BrowserSupport.ownerKey(context, port, OWNER);
            Page page = context.newPage();
            try {
                steps(page, nb);
            } catch (RuntimeException | AssertionError e) {
                Files.createDirectories(Path.of("target/screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/chart-readability-failed.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    private void steps(Page page, Notebook nb) {
        page.navigate(url("/notebooks/" + nb.id()));
        Locator experiment = card(page, "EXPERIMENT");
        click(experiment, "Run");
        assertThat(experiment.locator(".run-progress-text[data-status=COMPLETED]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(180_000));

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
        page.getByText("Share and export").click();
        page.locator("#share").click();
        Locator linkField = page.locator(".share-link input");
        assertThat(linkField).hasValue(Pattern.compile("^http://localhost:\\d+/s/[A-Za-z0-9_-]{22}$"));
        page.navigate(linkField.inputValue());
        Locator body = page.locator(".snapshot-body");
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
