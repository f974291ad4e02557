package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookJson.curveSweep;
import static io.incentivelab.browser.NotebookJson.notebook;
import static io.incentivelab.browser.NotebookJson.scenario;
import static io.incentivelab.browser.NotebookJson.subnet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.OwnerKey;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Measures (does not assert) how long an example notebook with its results takes to open, and how long a chart
 * over 1,000 runs takes to compute and draw. Run on purpose only:
 * {@code ./mvnw -B -Pproduction verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ChartResponsivenessIT -Dmeasure=true};
 * the figures are printed as lines starting with {@code MEASURE}.
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:measureit;DB_CLOSE_DELAY=-1")
class ChartResponsivenessIT extends BrowserTest {

    /** The browser context that opens the notebooks this test makes holds this owner key. */
    static final OwnerKey OWNER = OwnerKey.generate();

    static final String THOUSAND = notebook("Thousand runs",
            scenario("Tiny", "tiny", 1, 2, subnet("alpha", "SPEED", 8, 3)),
            curveSweep("c-exp", "1000 runs", 500, 3), """
              {"id": "c-chart", "type": "CHART", "label": "", "experimentCellId": "c-exp", "kind": "TIME_SERIES",
               "metric": "alpha.giniEmission", "points": [0, 1]},
              {"id": "c-sweep", "type": "CHART", "label": "", "experimentCellId": "c-exp", "kind": "SWEEP",
               "metric": "alpha.top1Share", "points": []}""");

    @Autowired
    NotebookRuns runs;
    @Autowired
    ExperimentService experiments;
    @Autowired
    NotebookAnalysis analysis;

    private static void print(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "MEASURE %s: median %d ms, min %d ms, max %d ms over %d (load %.1f)%n", what,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    void measure() throws Exception {
        Notebook example = notebooks.copyExample("reward-curves", OWNER);
        int charts = (int) example.document().cells().stream().filter(ChartCell.class::isInstance).count();
        onPage("chart-responsiveness", OWNER, page -> {
            page.navigate(url("/")); // warm up
            List<Long> open = new ArrayList<>();
            List<Long> cards = new ArrayList<>();
            int cells = example.document().cells().size();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                page.navigate(url("/notebooks/" + example.id()));
                assertThat(page.locator(".cell-card")).hasCount(cells);
                cards.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(page.locator("lab-chart[data-points]")).hasCount(charts);
                assertThat(page.locator(".compare-table")).isVisible();
                open.add((System.nanoTime() - t0) / 1_000_000);
            }
            print("open the reward-curves notebook (" + cells + " cells) until every cell is on the page", cards);
            print("open the reward-curves notebook (" + cells + " cells, " + charts
                    + " charts, 1 comparison, stored results) until every chart is drawn", open);

            Notebook nb = importNotebook(THOUSAND, OWNER);
            ExperimentCell cell = (ExperimentCell) nb.document().cell("c-exp").orElseThrow();
            long r0 = System.nanoTime();
            String id = runs.start(nb.id(), OWNER, nb.document(), cell).id();
            experiments.awaitEnd(id, Duration.ofMinutes(20));
            System.out.printf(Locale.ROOT, "MEASURE 1000 runs of the tiny scenario: %d ms%n", (System.nanoTime() - r0) / 1_000_000);
            notebooks.save(nb.id(), nb.document().replace(cell.withLastExperimentId(id)), nb.version(), OWNER);
            notebooks.putOutput(nb.id(), "c-exp", runs.output(id).orElseThrow());
            Notebook ready = notebooks.find(nb.id(), OWNER).orElseThrow();

            for (String chartId : List.of("c-chart", "c-sweep")) {
                List<Long> server = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    analysis.chart(ready.document(), ready.outputs(), (ChartCell) ready.document().cell(chartId).orElseThrow());
                    server.add((System.nanoTime() - t0) / 1_000_000);
                }
                print("server: build the " + chartId + " option from 1000 runs", server);
            }

            List<Long> draw = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                page.navigate(url("/notebooks/" + nb.id()));
                Locator card = page.locator(".cell-card[data-cell-id=c-chart]");
                assertThat(card.locator("vaadin-combo-box")).hasAttribute("has-value", "");
                card.locator("lab-chart").evaluate("e => e.removeAttribute('data-points')"); // the stored chart's
                long t0 = System.nanoTime();
                card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Draw").setExact(true)).click();
                assertThat(card.locator("lab-chart")).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));
                draw.add((System.nanoTime() - t0) / 1_000_000);
            }
            print("click Draw until the time series over 1000 runs (2 points x 500) is drawn", draw);
        });
    }
}
