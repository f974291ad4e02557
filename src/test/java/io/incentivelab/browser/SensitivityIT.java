package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookExperimentIT.choose;
import static io.incentivelab.browser.NotebookExperimentIT.field;
import static io.incentivelab.browser.NotebookExperimentIT.fill;
import static io.incentivelab.browser.NotebookExperimentIT.type;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Which parameter matters (issue 19), as an analyst asks it: an experiment cell set to SALTELLI with a metric and
 * two parameters, its cost preview, a run, and the ranking as a chart and a table that survive a reload.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:sensitivityit;DB_CLOSE_DELAY=-1")
class SensitivityIT extends BrowserTest {

    @Test
    void aSaltelliStudyRanksTheParametersWithTheirIntervals() throws Exception {
        onPage("sensitivity", this::steps);
    }

    @Test
    void theExampleStudyOpensWithItsRanking() throws Exception {
        onPage("sensitivity-example", page -> {
            page.navigate("http://localhost:" + port + "/examples/which-parameter-matters");
            Locator view = page.locator(".cell-card[data-cell-type=EXPERIMENT] .sensitivity-view");
            assertThat(view).containsText("Which parameter matters for speed · Gini of miner emission");
            Locator table = view.locator(".sensitivity-table");
            assertThat(table).containsText("subnets[0].rewardCurve.alpha");
            // the control the subnet never reads comes last, at exactly 0
            assertThat(table.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText("subnets[0].verification.auditRate"))).hasCount(1);
            assertThat(table).containsText("0 [0, 0]");
            assertThat(view.locator("lab-chart")).hasCount(1);
        });
    }

    private static void parameter(Page page, Locator experiment, int index, String path, String from, String to) {
        experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add parameter")).click();
        Locator axis = experiment.locator(".sweep-axis").nth(index);
        axis.locator("vaadin-combo-box input").fill(path);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(path)).first().click();
        fill(axis.getByLabel("From"), from);
        fill(axis.getByLabel("To"), to);
    }

    private void steps(Page page) {
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
        assertThat(page).hasURL(Pattern.compile(".*/notebooks/.*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
        Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
        type(field(scenario, "$.network.horizonDays"), "1");
        assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 1 subnet");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
        Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
        choose(page, experiment.getByLabel("Combine axes"), "SALTELLI");
        Locator metric = experiment.getByLabel("Metric to explain");
        assertThat(metric).isVisible();
        metric.fill("speed.giniEmission");
        metric.press("Enter");
        fill(experiment.getByLabel("Samples"), "4");
        fill(experiment.getByLabel("Replicates"), "1");
        fill(experiment.getByLabel("Seed"), "11");
        parameter(page, experiment, 0, "subnets[0].validators.noiseSigma", "0", "2");
        parameter(page, experiment, 1, "subnets[0].verification.auditRate", "0", "1");
        // N·(k+2) = 4·4 design points, one replicate each
        assertThat(experiment.locator(".cost-preview")).containsText("16 runs");
        NewcomerIT.runAndWait(experiment);

        Locator view = experiment.locator(".sensitivity-view");
        assertThat(view).containsText("Which parameter matters");
        assertThat(view).containsText("Sobol indices");
        Locator table = view.locator(".sensitivity-table");
        assertThat(table).containsText("subnets[0].validators.noiseSigma");
        assertThat(table).containsText("subnets[0].verification.auditRate");
        assertThat(table).containsText("Total ST (95 % CI)");
        assertThat(table.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^-?[0-9.e-]+ \\[-?[0-9.e-]+, -?[0-9.e-]+\\]$"))).first()).isVisible();
        assertThat(view.locator("lab-chart")).hasCount(1);
        view.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/sensitivity.png")));
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved.*"));

        // the study and its ranking are still there after a reload
        page.reload();
        Locator again = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
        assertThat(again.getByLabel("Metric to explain")).hasValue("speed.giniEmission");
        assertThat(again.locator(".sensitivity-view .sensitivity-table")).containsText("subnets[0].validators.noiseSigma");
    }
}
