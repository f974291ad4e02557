package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookExperimentIT.choose;
import static io.incentivelab.browser.NotebookExperimentIT.field;
import static io.incentivelab.browser.NotebookExperimentIT.type;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a new user is told must not mislead them (issue 20): input is never silently swapped for a default,
 * a preset does not wipe edits unasked, and so on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:newcomerit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class NewcomerIT extends BrowserTest {

    private void inNewNotebook(String name, Consumer<Page> steps) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = context.newPage();
            try {
                page.navigate("http://localhost:" + port + "/");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
                assertThat(page).hasURL(Pattern.compile(".*/notebooks/.*"));
                steps.accept(page);
            } catch (RuntimeException | AssertionError e) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + "-failed.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    @Test
    void aNumberFieldKeepsBadInputAndSaysWhatIsWrong() {
        inNewNotebook("number-fields", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            Locator status = scenario.locator(".scenario-status");
            assertThat(status).containsText("Valid scenario");

            Locator operators = field(scenario, "$.subnets[0].miners.operators");
            type(operators, "2.5");
            assertThat(operators.locator("input")).hasValue("2.5");
            assertThat(operators).hasAttribute("invalid", "");
            assertThat(operators).containsText("must be an integer between 1 and 256");
            assertThat(status).containsText("1 problem");
            assertThat(status).not().containsText("Valid");

            Locator days = field(scenario, "$.network.horizonDays");
            type(days, "five");
            assertThat(days.locator("input")).hasValue("five");
            assertThat(days).containsText("must be a number");
            assertThat(status).containsText("2 problems");

            type(operators, "-4");
            assertThat(operators.locator("input")).hasValue("-4");
            assertThat(operators).containsText("between 1 and 256");

            // what was typed is saved as typed: a reload shows it again, still flagged
            assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved.*"));
            page.reload();
            Locator again = page.locator(".cell-card[data-cell-type=SCENARIO]");
            assertThat(again.locator(".scenario-status")).containsText("2 problems");
            again.getByText("Edit the scenario").click();
            assertThat(field(again, "$.network.horizonDays").locator("input")).hasValue("five");
            assertThat(field(again, "$.subnets[0].miners.operators")).containsText("between 1 and 256");

            type(field(again, "$.network.horizonDays"), "3");
            type(field(again, "$.subnets[0].miners.operators"), "16");
            assertThat(again.locator(".scenario-status")).containsText("Valid scenario: 1 subnet");
        });
    }

    @Test
    void aPresetOverAnEditedScenarioAsksFirstAndCanBeUndone() {
        inNewNotebook("preset-undo", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            type(field(scenario, "$.subnets[0].miners.operators"), "20");
            assertThat(scenario.locator(".scenario-summary")).containsText("20 operators");

            Locator presets = scenario.getByLabel("Start from a preset");
            choose(page, presets, "verification");
            Locator dialog = page.locator("vaadin-confirm-dialog-overlay");
            assertThat(dialog).containsText("Replace this scenario with \"verification\"?");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(scenario.locator(".scenario-summary")).containsText("20 operators");

            choose(page, presets, "verification");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Replace")).click();
            assertThat(scenario.locator(".scenario-summary")).containsText("verification — 2 subnets");
            assertThat(scenario.locator(".preset-undo")).containsText("Replaced by the preset \"verification\"");
            scenario.locator(".preset-undo").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo")).click();
            assertThat(scenario.locator(".scenario-summary")).containsText("my-scenario — 1 subnet");
            assertThat(scenario.locator(".scenario-summary")).containsText("20 operators");
            assertThat(field(scenario, "$.subnets[0].miners.operators").locator("input")).hasValue("20");
        });
    }

    @Test
    void aGatedScoreBuiltInTheFormRuns() {
        inNewNotebook("scoring", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            Locator status = scenario.locator(".scenario-status");
            type(field(scenario, "$.network.horizonDays"), "1");
            Locator scoring = field(scenario, "$.subnets[0].scoring");
            assertThat(scoring).containsText("Scoring expression");
            // a syntax error is placed by its column
            type(scoring, "speed * gate(quality, ");
            assertThat(scoring).hasAttribute("invalid", "");
            assertThat(scoring).containsText("column");
            assertThat(status).containsText("1 problem");
            type(scoring, "speed * gate(quality, 0.6)");
            assertThat(scoring).not().hasAttribute("invalid", "");
            assertThat(status).containsText("Valid scenario: 1 subnet");
            // a real subnet's score from the presets fills the field and says what stands for what
            Locator presets = scenario.getByLabel("Scoring preset");
            choose(page, presets, "SN4 Targon: throughput gated by quality");
            assertThat(scoring.locator("input")).hasValue("speed * step(quality, 0.8)");
            assertThat(scenario.locator(".scoring-presets")).containsText("similarity threshold");
            assertThat(status).containsText("Valid scenario: 1 subnet");
            type(scoring, "speed * gate(quality, 0.6)");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            NotebookExperimentIT.fill(experiment.getByLabel("Replicates"), "2");
            assertThat(experiment.locator(".cost-preview")).containsText("2 runs");
            runAndWait(experiment);
            assertThat(experiment.locator(".results-table")).containsText("Gini of miner emission");
            // saved with the expression
            page.reload();
            Locator again = page.locator(".cell-card[data-cell-type=SCENARIO]");
            again.getByText("Edit the scenario").click();
            assertThat(field(again, "$.subnets[0].scoring").locator("input")).hasValue("speed * gate(quality, 0.6)");
        });
    }

    /** Sets a scenario cell's scenario through its JSON tab. */
    static void applyJson(Page page, Locator scenario, String json) {
        scenario.getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName("JSON")).click();
        scenario.getByLabel("Scenario JSON").fill(json);
        scenario.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply JSON")).click();
    }

    static void runAndWait(Locator experiment) {
        experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run")).click();
        assertThat(experiment.locator(".run-progress-text[data-status=COMPLETED]")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
    }

    @Test
    void aFailingIncentiveIsFlaggedBesideItsResults() {
        inNewNotebook("warnings", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            applyJson(page, scenario, """
                    {"schemaVersion": 1, "name": "top-one", "network": {"horizonDays": 1, "sampleEveryEpochs": 5},
                     "subnets": [{"name": "speed", "rewardCurve": {"type": "TOP_K", "k": 1},
                                  "miners": {"operators": 64}, "validators": {"count": 32, "noiseSigma": 1.0}}]}""");
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 1 subnet");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            // runs are bimodal (consensus on the one miner forms, or it does not): a fixed seed whose runs mostly fail
            NotebookExperimentIT.fill(experiment.getByLabel("Replicates"), "3");
            NotebookExperimentIT.fill(experiment.getByLabel("Seed"), "11");
            assertThat(experiment.locator(".cost-preview")).containsText("3 runs");
            runAndWait(experiment);
            Locator warnings = experiment.locator(".result-warnings");
            assertThat(warnings.locator("[data-kind=MINERS_SHORT]")).containsText(
                    Pattern.compile("Miners of subnet speed get \\d+(\\.\\d)? % of its emission, far less than the 41 %"));
            assertThat(warnings.locator("[data-kind=VALIDATORS_MAJORITY]")).containsText("Validators take");
        });
    }

    @Test
    void smallThingsThatMisleadANewUser() {
        inNewNotebook("small-things", page -> {
            // the health endpoint is not a page for users
            assertThat(page.locator("vaadin-side-nav")).containsText("Notebooks");
            assertThat(page.locator("vaadin-side-nav")).not().containsText("Health");

            // a duplicate name is flagged on the field being edited
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
            Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
            scenario.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add subnet")).click();
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 2 subnets");
            type(field(scenario.locator(".scenario-fields[data-subnet='1']"), "$.subnets[1].name"), "storage");
            scenario.locator(".subnet-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("speed"))
                    .first().click();
            Locator first = field(scenario.locator(".scenario-fields[data-subnet='0']"), "$.subnets[0].name");
            type(first, "storage");
            assertThat(first).hasAttribute("invalid", "");
            assertThat(first).containsText("duplicate subnet name \"storage\" (also subnets[1])");
            type(first, "speed");
            assertThat(scenario.locator(".scenario-status")).containsText("Valid scenario: 2 subnets");

            // the replicate limit is shown by the field; beyond it Run is disabled and says why
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
            Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
            Locator replicates = experiment.locator("vaadin-text-field").filter(new Locator.FilterOptions()
                    .setHas(page.getByLabel("Replicates")));
            assertThat(replicates).containsText("runs per sweep point, 1 – 10000");
            NotebookExperimentIT.fill(experiment.getByLabel("Replicates"), "20000");
            assertThat(replicates).hasAttribute("invalid", "");
            assertThat(replicates).containsText("must be a whole number from 1 to 10000");
            Locator run = experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run"));
            assertThat(run).isDisabled();
            assertThat(experiment.locator(".run-blocked")).containsText("Run is disabled: Replicates must be a whole number");

            // Cancel keeps the last complete results until new ones finish
            NotebookExperimentIT.fill(experiment.getByLabel("Replicates"), "2");
            assertThat(run).isEnabled();
            runAndWait(experiment);
            Locator summary = experiment.locator(".results-summary");
            assertThat(summary).containsText("completed, 2 / 2 runs");
            NotebookExperimentIT.fill(experiment.getByLabel("Replicates"), "3000");
            assertThat(experiment.locator(".cost-preview")).containsText("3000 runs");
            run.click();
            experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(experiment.locator(".run-progress-text[data-status=CANCELLED]")).containsText("Cancelled");
            assertThat(summary).containsText("completed, 2 / 2 runs");
            page.reload();
            assertThat(page.locator(".cell-card[data-cell-type=EXPERIMENT] .results-summary")).containsText("completed, 2 / 2 runs");

            // a share link has a copy button
            page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
            page.getByText("Share and export").click();
            page.locator("#share").click();
            Locator link = page.locator(".share-link input");
            assertThat(link).hasValue(Pattern.compile("^http://localhost:\\d+/s/.+"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy share link")).click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Link copied")))
                    .isVisible();
            Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                    .isEqualTo(link.inputValue());
        });
    }
}
