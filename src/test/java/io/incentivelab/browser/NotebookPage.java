package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** What the browser tests do on a notebook's page again and again: find a cell's card, press a button, run an experiment. */
final class NotebookPage {

    private NotebookPage() {
    }

    /** The card of the (first, for a locator's actions: only) cell of a type: {@code EXPERIMENT}, {@code CHART}, … */
    static Locator card(Page page, String type) {
        return page.locator(".cell-card[data-cell-type=" + type + "]");
    }

    /** Clicks the button within {@code scope} named exactly {@code button}. */
    static void click(Locator scope, String button) {
        scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    /** Runs the notebook's experiment from its card and waits (up to 3 minutes) until it has completed; returns the card. */
    static Locator runExperiment(Page page) {
        Locator experiment = card(page, "EXPERIMENT");
        click(experiment, "Run");
        assertThat(experiment.locator(".run-progress-text[data-status=COMPLETED]"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(180_000));
        return experiment;
    }

    /**
     * Shares the notebook open on {@code page} ("Share and export", then Share), checks that the link is a share
     * link of this app and opens it; returns the body of the snapshot it shows.
     */
    static Locator openSharePage(Page page) {
        page.getByText("Share and export").click();
        page.locator("#share").click();
        Locator linkField = page.locator(".share-link input");
        assertThat(linkField).hasValue(Pattern.compile("^http://localhost:\\d+/s/[A-Za-z0-9_-]{22}$"));
        page.navigate(linkField.inputValue());
        return page.locator(".snapshot-body");
    }
}
