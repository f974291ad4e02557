package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookExperimentIT.choose;
import static io.incentivelab.browser.NotebookExperimentIT.field;
import static io.incentivelab.browser.NotebookExperimentIT.fill;
import static io.incentivelab.browser.NotebookExperimentIT.type;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The alpha market as an analyst meets it (issue 16): the preset, its labelled market fields with a bad value
 * flagged by the field, a short run, and each subnet's share of network emission leading the results.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:alphamarketit;DB_CLOSE_DELAY=-1")
class AlphaMarketIT extends BrowserTest {

    @Test
    void thePresetsMarketFieldsAreCheckedAndItsRunReportsEachSubnetsShare() throws Exception {
        onPage("alpha-market", this::steps);
    }

    private void steps(Page page) {
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
        assertThat(page).hasURL(Pattern.compile(".*/notebooks/.*"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add scenario")).click();
        Locator scenario = page.locator(".cell-card[data-cell-type=SCENARIO]");
        choose(page, scenario.getByLabel("Start from a preset"), "alpha-market");
        Locator status = scenario.locator(".scenario-status");
        assertThat(status).containsText("Valid scenario: 2 subnets");

        // the market fields carry labels with units; a take above 1 is flagged by the field, then fixed
        Locator take = field(scenario, "$.subnets[0].market.validatorTake");
        assertThat(take).containsText("Validator take (fraction of alpha dividends)");
        type(take, "1.5");
        assertThat(take).hasAttribute("invalid", "");
        assertThat(take).containsText("between 0 and 1");
        assertThat(status).containsText("1 problem");
        type(take, "0.18");
        assertThat(take).not().hasAttribute("invalid", "");
        assertThat(status).containsText("Valid scenario: 2 subnets");
        Locator poolTao = field(scenario, "$.subnets[0].market.poolTao");
        type(poolTao, "-5");
        assertThat(poolTao).containsText("must be");
        type(poolTao, "20000");
        assertThat(status).containsText("Valid scenario: 2 subnets");

        // a short run: two days, two replicates
        type(field(scenario, "$.network.horizonDays"), "2");
        assertThat(status).containsText("Valid scenario: 2 subnets");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add experiment")).click();
        Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]");
        fill(experiment.getByLabel("Replicates"), "2");
        assertThat(experiment.locator(".cost-preview")).containsText("2 runs");
        NewcomerIT.runAndWait(experiment);

        // under the market, each subnet's share of network emission comes first, with its CI
        Locator results = experiment.locator(".results-table");
        assertThat(results).containsText("share of network emission");
        Locator shareHeaders = results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("share of network emission"));
        assertThat(shareHeaders).hasCount(2);
        assertThat(results.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^0\\.\\d+ ± \\d+(\\.\\d+)?(e-?\\d+)? \\(2\\)$"))).first()).isVisible();
    }
}
