package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A user starts "Run all" on a notebook of two long experiments, changes their mind and presses "Cancel run all": the
 * experiment going on stops (its cell says cancelled), the second never starts, the bar offers "Run all" again and a
 * notice says how many cells it left unrun. A reload shows the same: nothing went on in the background.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:cancelrunall;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class CancelRunAllIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();

    /** Two experiments of 2 points × 100 replicates of a year-long subnet: minutes of work, far longer than the test waits. */
    static final String NOTEBOOK = """
            {"formatVersion": 1, "title": "Two long sweeps", "cells": [
              {"id": "c-scen", "type": "SCENARIO", "label": "One subnet", "scenario":
                {"schemaVersion": 1, "name": "one-subnet",
                 "network": {"horizonDays": 365, "sampleEveryEpochs": 10},
                 "subnets": [{"name": "alpha", "metric": "SPEED", "miners": {"operators": 64}, "validators": {"count": 8}}]}},
              {"id": "c-exp1", "type": "EXPERIMENT", "label": "First sweep", "scenarioCellIds": ["c-scen"], "combine": "GRID",
               "axes": [{"path": "$.subnets[0].rewardCurve.type", "kind": "LIST", "values": ["PROPORTIONAL", "WINNER_TAKE_ALL"]}],
               "replicates": 100, "seed": 7},
              {"id": "c-exp2", "type": "EXPERIMENT", "label": "Second sweep", "scenarioCellIds": ["c-scen"], "combine": "GRID",
               "axes": [{"path": "$.subnets[0].rewardCurve.type", "kind": "LIST", "values": ["PROPORTIONAL", "WINNER_TAKE_ALL"]}],
               "replicates": 100, "seed": 8}]}""";

    @Autowired
    NotebookService notebooks;

    @Test
    void cancelRunAllStopsTheExperimentGoingOnAndStartsNoOther() throws Exception {
        Notebook nb = notebooks.importFile(NOTEBOOK.getBytes(StandardCharsets.UTF_8), OWNER);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            BrowserSupport.ownerKey(context, port, OWNER);
            Page page = context.newPage();
            try {
                steps(page, nb);
            } catch (RuntimeException | AssertionError e) {
                Files.createDirectories(Path.of("target/screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/cancel-run-all-failed.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }

    /** "Run all" as it reads when no run goes on (while one does, it reads "Running n cells…"). */
    private static Locator idleRunAll(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run all").setExact(true));
    }

    private void steps(Page page, Notebook nb) {
        page.navigate("http://localhost:" + port + "/notebooks/" + nb.id());
        Locator first = page.locator(".cell-card[data-cell-id=c-exp1]");
        Locator second = page.locator(".cell-card[data-cell-id=c-exp2]");
        assertThat(first.locator(".cell-state")).hasText("Not run");
        assertThat(second.locator(".cell-state")).hasText("Not run");
        Locator cancel = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel run all"));
        assertThat(cancel).isHidden();

        idleRunAll(page).click();
        assertThat(page.locator(".run-all")).hasText(Pattern.compile("Running [12] cells?…"));
        assertThat(first.locator(".run-progress-text[data-status=RUNNING]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        cancel.click();

        assertThat(first.locator(".run-progress-text[data-status=CANCELLED]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(first.locator(".run-progress-text")).containsText("Cancelled");
        assertThat(page.locator("vaadin-notification-card")).containsText("Run all cancelled: 1 of 2 cells not run");
        assertThat(cancel).isHidden();
        assertThat(idleRunAll(page)).isEnabled();
        assertThat(second.locator(".cell-state")).hasText("Not run");
        assertThat(second.locator(".run-progress-text")).not().isVisible();

        // nothing went on behind the page: after a reload the second experiment has still not run
        page.reload();
        assertThat(page.locator(".cell-card[data-cell-id=c-exp2] .cell-state")).hasText("Not run");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel run all"))).isHidden();
        assertThat(idleRunAll(page)).isEnabled();
    }
}
