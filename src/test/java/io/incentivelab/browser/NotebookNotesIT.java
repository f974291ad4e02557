package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** A new user creates a notebook, writes notes, rearranges cells, reloads, and deletes it from home. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:notesit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class NotebookNotesIT extends BrowserTest {

    BrowserContext context;
    Page page;
    final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void open() {
        context = browser.newContext();
        page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void newNotebook() {
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New notebook")).click();
        assertThat(page).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
        assertThat(page.locator(".save-state")).hasText("Saved");
    }

    private Locator cells() {
        return page.locator(".cell-card");
    }

    @Test
    void aNoteWithScriptShowsTheTextAndRunsNothing() {
        newNotebook();
        Locator text = cells().first().locator("vaadin-text-area textarea");
        text.fill("# Findings\n\n<script>window.pwned = 1; alert('script')</script>\n\n"
                + "<img src=x onerror=\"window.pwned = 2; alert('img')\">\n\n[click](javascript:alert('link'))");
        text.press("Shift+Enter");
        Locator preview = cells().first().locator(".note-preview");
        assertThat(preview.locator("h1")).hasText("Findings");
        assertThat(preview).containsText("<script>window.pwned = 1; alert('script')</script>");
        assertThat(preview).containsText("<img src=x onerror=");
        assertThat(preview.locator("script, img")).hasCount(0);
        assertThat(preview.locator("a[href^='javascript']")).hasCount(0);
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved.*"));
        page.reload();
        assertThat(cells().first().locator(".note-preview h1")).hasText("Findings");
        assertThat(cells().first().locator(".note-preview")).containsText("<script>");
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(dialogs).isEmpty();
    }

    @Test
    void cellsAreAddedMovedDuplicatedDeletedAndSaved() {
        newNotebook();
        page.getByLabel("Title").fill("Cells in order");
        page.getByLabel("Title").press("Tab");
        writeNote(0, "first");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(cells()).hasCount(2);
        writeNote(1, "second");
        cells().nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move up")).click();
        assertThat(cells().nth(0).locator(".note-preview")).hasText("second");
        cells().nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Duplicate")).click();
        assertThat(cells()).hasCount(3);
        cells().nth(2).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete cell")).click();
        assertThat(cells()).hasCount(2);
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved.*"));

        page.reload();
        assertThat(page.getByLabel("Title")).hasValue("Cells in order");
        assertThat(cells()).hasCount(2);
        assertThat(cells().nth(0).locator(".note-preview")).hasText("second");
        assertThat(cells().nth(1).locator(".note-preview")).hasText("second");

        page.navigate("http://localhost:" + port + "/");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Cells in order"));
        assertThat(row).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete Cells in order")).click();
        assertThat(page.getByText("Delete \"Cells in order\"?")).isVisible();
        page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(row).hasCount(0);
    }

    @Test
    void aBadFileIsRefusedWithItsProblem() {
        page.navigate("http://localhost:" + port + "/");
        page.locator("#import-notebook input[type=file]").setInputFiles(new FilePayload(
                "bad.notebook.json", "application/json",
                "{\"formatVersion\":1,\"title\":\"x\",\"cells\":[{\"type\":\"NOTE\"}]}".getBytes()));
        assertThat(page.locator(".notebook-import:has(#import-notebook) .import-problems")).containsText("$.cells[0].id: is required");
    }

    @Test
    void anExampleOpensWithItsResultsAndEditingMakesACopy() {
        page.navigate("http://localhost:" + port + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Does winner-take-all concentrate rewards more than proportional?")).click();
        assertThat(page).hasURL(Pattern.compile(".*/examples/reward-curves$"));
        assertThat(page.locator(".example-banner")).containsText("Editing it makes your own copy");
        Locator experiment = page.locator(".cell-card[data-cell-type=EXPERIMENT]").first();
        assertThat(experiment.locator(".results-table")).containsText("winner-take-all.giniEmission");
        assertThat(experiment.locator(".results-table vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(" ± ")).first()).isVisible();
        assertThat(experiment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run"))).isHidden();
        experiment.locator(".results-table").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/example.png")));
        assertThat(page.getByLabel("Title")).hasAttribute("readonly", "");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit a copy")).click();
        assertThat(page).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
        assertThat(page.locator(".example-banner")).isHidden();
        assertThat(page.locator(".cell-card[data-cell-type=EXPERIMENT]").first().locator(".results-table"))
                .containsText("winner-take-all.giniEmission");
        page.getByLabel("Title").fill("My reward curves");
        page.getByLabel("Title").press("Tab");
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved \\d.*"));
        page.navigate("http://localhost:" + port + "/");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My reward curves"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home.png")));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Does winner-take-all concentrate rewards more than proportional?"))).isVisible();
    }

    @Test
    void aSecondTabDoesNotOverwriteTheFirst() {
        newNotebook();
        Page other = context.newPage();
        other.navigate(page.url());
        assertThat(other.locator(".save-state")).hasText("Saved");
        page.getByLabel("Title").fill("From the first tab");
        page.getByLabel("Title").press("Tab");
        assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved \\d.*"));
        other.getByLabel("Title").fill("From the second tab");
        other.getByLabel("Title").press("Tab");
        assertThat(other.locator(".save-state")).hasText("Not saved");
        assertThat(other.locator("vaadin-notification-card")).containsText("changed in another tab");
        page.reload();
        assertThat(page.getByLabel("Title")).hasValue("From the first tab");
    }

    private void writeNote(int index, String text) {
        Locator cell = cells().nth(index);
        if (!cell.locator("vaadin-text-area").isVisible()) {
            cell.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).click();
        }
        Locator area = cell.locator("vaadin-text-area textarea");
        area.fill(text);
        area.press("Shift+Enter");
        assertThat(cell.locator(".note-preview")).hasText(text);
    }
}
