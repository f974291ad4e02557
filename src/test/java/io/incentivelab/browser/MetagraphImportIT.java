package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.incentivelab.metagraph.GeneratedSnapshots;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 18: an analyst uploads their subnet's metagraph snapshot on the home page, gets a notebook that says
 * "this is your subnet today", runs the experiment that changes its curve and draws the chart; a bad file is
 * refused with the field and the limit.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:metagraphit;DB_CLOSE_DELAY=-1")
class MetagraphImportIT extends BrowserTest {

    private static FilePayload file(String name, ObjectNode snapshot) {
        return new FilePayload(name, "application/json", GeneratedSnapshots.text(snapshot).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSnapshotBecomesANotebookWhoseCurveExperimentRuns() throws Exception {
        onPage("metagraph-import", page -> {
            page.navigate("http://localhost:" + port + "/");
            page.locator("#import-metagraph input[type=file]").setInputFiles(file("sn7.json",
                    GeneratedSnapshots.generate(5, 6, 30, true)));
            assertThat(page).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
            assertThat(page.getByLabel("Title")).hasValue(Pattern.compile("^Subnet 7 today \\(block \\d+\\)$"));
            Locator note = page.locator(".cell-card[data-cell-type=NOTE]").first();
            assertThat(note).containsText("This is your subnet today");
            assertThat(note).containsText("30 miner UIDs held by 10 coldkeys");
            assertThat(note).containsText("Gini of miner incentive across coldkeys");
            assertThat(note).containsText("within the tolerance");
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            assertThat(scenario.locator(".scenario-summary")).containsText("subnet-7");

            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            assertThat(experiment.locator(".cost-preview")).containsText("4 points × 5 replicates = 20 runs");
            experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run")).click();
            assertThat(experiment.locator(".run-progress-text[data-status=COMPLETED]")).containsText("20 / 20 runs",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
            Locator results = experiment.locator(".results-table");
            assertThat(results).containsText("PROPORTIONAL");
            assertThat(results).containsText("WINNER_TAKE_ALL");

            Locator chartCard = page.locator(".cell-card[data-cell-type=CHART]");
            chartCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Draw")).click();
            Locator chart = chartCard.locator("lab-chart");
            assertThat(chart).hasAttribute("data-points", Pattern.compile("^[1-9][0-9]*$"));
            assertThat(chart.locator("svg")).containsText("WINNER_TAKE_ALL");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/metagraph-import.png"))
                    .setFullPage(true));

            // it is one of the user's notebooks
            page.navigate("http://localhost:" + port + "/");
            assertThat(page.locator(".notebook-list")).containsText("Subnet 7 today");
        });
    }

    @Test
    void aBadSnapshotIsRefusedNamingTheFieldAndTheLimit() throws Exception {
        onPage("metagraph-bad", page -> {
            page.navigate("http://localhost:" + port + "/");
            ObjectNode wrongLength = GeneratedSnapshots.generate(5, 3, 6, true);
            wrongLength.withArray("stake").remove(0);
            page.locator("#import-metagraph input[type=file]").setInputFiles(file("bad.json", wrongLength));
            Locator problems = page.locator(".notebook-import:has(#import-metagraph) .import-problems");
            assertThat(problems).containsText("The file could not be imported");
            assertThat(problems).containsText("$.stake");
            page.locator("#import-metagraph input[type=file]").setInputFiles(new FilePayload("x.json", "application/json",
                    "{\"format\":\"metagraph-snapshot/9\"}".getBytes(StandardCharsets.UTF_8)));
            assertThat(problems).containsText("$.format");
            assertThat(page).hasURL(Pattern.compile(".*/$"));
        });
    }
}
