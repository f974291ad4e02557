package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A new user builds a two-subnet scenario in the forms, sees a bad value flagged beside its field, sweeps
 * the reward curve in an experiment, runs it, watches the progress bar finish, reads the results table,
 * reloads and finds everything saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:experimentit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class NotebookExperimentIT extends BrowserTest {

    static Locator field(Locator scope, String path) {
        return scope.locator("[data-path='" + path + "']");
    }

    /** Types into a Vaadin field (found by its data-path) and leaves it, which sends the value. */
    static void type(Locator field, String value) {
        fill(field.locator("input"), value);
    }

    static void fill(Locator input, String value) {
        input.fill(value);
        input.press("Tab");
    }

    static void choose(Page page, Locator select, String item) {
        select.click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(item).setExact(true)).click();
    }

    @Test
    void buildRunAndFindItSaved() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            try {
                steps(page);
            } catch (RuntimeException | AssertionError e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/experiment-failed.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    private void steps(Page page) {
        {
            page.navigate("http://localhost:" + port + "/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
            assertThat(page).hasURL(Pattern.compile(".*/notebooks/.*"));

            // a scenario with two subnets, defined in the forms
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 1 subnet");
            fill(scenario.getByLabel("Label"), "Two subnets");
            scenario.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add subnet")).click();
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 2 subnets");
            Locator second = scenario.locator(".scenario-fields[data-subnet='1']");
            type(field(second, "$.subnets[1].name"), "storage");
            choose(page, field(second, "$.subnets[1].rewardCurve.type"), "WINNER_TAKE_ALL");
            assertThat(scenario.locator(".subnet-grid")).containsText("winner take all");

            // a bad value is flagged beside its field, then fixed
            Locator operators = field(second, "$.subnets[1].miners.operators");
            type(operators, "1000");
            assertThat(operators).hasAttribute("invalid", "");
            assertThat(operators).containsText("must be between 1 and 256");
            assertThat(scenario.locator(".scenario-status")).containsText("problem");
            type(operators, "24");
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 2 subnets");
            assertThat(operators).not().hasAttribute("invalid", "");

            // an experiment sweeping the first subnet's reward curve
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            assertThat(experiment.getByLabel("Two subnets")).isChecked();
            // adding a cell re-renders the notebook; the scenario form the user had open stays open
            assertThat(scenario.locator(".subnet-grid")).isVisible();
            experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add sweep axis")).click();
            Locator axis = experiment.locator(".sweep-axis");
            axis.locator("vaadin-combo-box input").fill("subnets[0].rewardCurve.type");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions()
                    .setHasText("subnets[0].rewardCurve.type")).first().click();
            // picking a choice field offers all its choices; keep two
            assertThat(axis.getByLabel("Values")).hasValue(Pattern.compile("^PROPORTIONAL, POWER, .*"));
            fill(axis.getByLabel("Values"), "PROPORTIONAL, WINNER_TAKE_ALL");
            fill(experiment.getByLabel("Replicates"), "3");
            assertThat(experiment.locator(".cost-preview")).containsText("2 points × 3 replicates = 6 runs");

            experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run")).click();
            assertThat(experiment.locator("vaadin-progress-bar")).isVisible();
            assertThat(experiment.locator(".run-progress-text[data-status=COMPLETED]"))
                    .containsText("6 / 6 runs", new LocatorAssertions.ContainsTextOptions()
                            .setTimeout(120_000));
            Locator results = experiment.locator(".results-table");
            assertThat(results).containsText("PROPORTIONAL");
            assertThat(results).containsText("WINNER_TAKE_ALL");
            assertThat(results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(Pattern.compile("^-?\\d+(\\.\\d+)? ± \\d+(\\.\\d+)?(e-?\\d+)? \\(3\\)$"))).first()).isVisible();
            assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/experiment.png")).setFullPage(true));

            // reload: everything is still there
            page.reload();
            Locator scenario2 = page.locator(".cell-card[data-cell-type=SCENARIO]");
            assertThat(scenario2.getByLabel("Label")).hasValue("Two subnets");
            // the scenario opens as a summary; its form is one click away
            assertThat(scenario2.locator(".scenario-summary")).containsText("storage: STORAGE, winner take all, 24 operators");
            assertThat(scenario2.locator(".subnet-grid")).hasCount(0);
            scenario2.getByText("Edit the scenario").click();
            assertThat(scenario2.locator(".subnet-grid")).containsText("storage");
            assertThat(scenario2.locator(".subnet-grid")).containsText("winner take all");
            Locator experiment2 = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            assertThat(experiment2.getByLabel("Replicates")).hasValue("3");
            assertThat(experiment2.locator(".results-table")).containsText("WINNER_TAKE_ALL");
            assertThat(experiment2.locator(".results-table vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(" ± ")).first()).isVisible();
        }
    }

    @Test
    void aLongExperimentIsListedInTheJobsPanelAndCancelled() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            type(field(scenario, "$.network.horizonDays"), "365");
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            fill(experiment.getByLabel("Replicates"), "2000");
            assertThat(experiment.locator(".cost-preview")).containsText("2000 runs");
            experiment.locator("vaadin-text-field").getByLabel("Seed").press("Shift+Enter");

            Locator jobs = page.locator(".jobs-panel");
            assertThat(jobs).isVisible();
            assertThat(jobs.locator("vaadin-progress-bar")).isVisible();
            assertThat(jobs).containsText(Pattern.compile("\\d+ / 2000 runs"));
            jobs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(experiment.locator(".run-progress-text[data-status=CANCELLED]")).containsText("Cancelled");
            assertThat(jobs).isHidden();
        }
    }
}
