package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.incentivelab.browser.NotebookJson.curveSweep;
import static io.incentivelab.browser.NotebookJson.notebook;
import static io.incentivelab.browser.NotebookJson.scenario;
import static io.incentivelab.browser.NotebookJson.subnet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.OwnerKey;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A user starts "Run all" on a notebook of two long experiments, changes their mind and presses "Cancel run all": the
 * experiment going on stops (its cell says cancelled), the second never starts, the bar offers "Run all" again and a
 * notice says how many cells it left unrun. A reload shows the same: nothing went on in the background.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:cancelrunall;DB_CLOSE_DELAY=-1")
class CancelRunAllIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();

    /** Two experiments of 2 points × 100 replicates of a year-long subnet: minutes of work, far longer than the test waits. */
    static final String NOTEBOOK = notebook("Two long sweeps",
            scenario("One subnet", "one-subnet", 365, 10, subnet("alpha", "SPEED", 64, 8)),
            curveSweep("c-exp1", "First sweep", 100, 7),
            curveSweep("c-exp2", "Second sweep", 100, 8));

    @Test
    void cancelRunAllStopsTheExperimentGoingOnAndStartsNoOther() throws Exception {
        Notebook nb = importNotebook(NOTEBOOK, OWNER);
        onPage("cancel-run-all", OWNER, page -> steps(page, nb));
    }

    /** "Run all" as it reads when no run goes on (while one does, it reads "Running n cells…"). */
    private static Locator idleRunAll(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run all").setExact(true));
    }

    private void steps(Page page, Notebook nb) {
        page.navigate(url("/notebooks/" + nb.id()));
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
