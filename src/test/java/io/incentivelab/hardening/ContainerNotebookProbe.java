package io.incentivelab.hardening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.incentivelab.browser.BrowserSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The notebook half of {@code scripts/container-check.sh}: a real browser (Debian's Chromium through Playwright)
 * against the running container, since notebooks are made and exported only through the UI.
 * <ul>
 *   <li>{@code create URL DIR}: imports {@code data/examples/verification.notebook.json} on the home page,
 *   renames it, waits for "Saved", exports it and writes the export ({@code notebook-before.json}), the
 *   notebook's address ({@code notebook-url.txt}) and the browser's cookies ({@code browser-state.json},
 *   which hold the owner key) into DIR.</li>
 *   <li>{@code verify URL DIR}: with the same cookies, finds the notebook listed on the home page, opens it,
 *   exports it again ({@code notebook-after.json}) and exits 0 only if the two exports have the same JSON
 *   content (every member equal; the order of the {@code outputs} members may differ, see below).</li>
 * </ul>
 * Not a test on its own (run by the script with the test classpath): {@code java -cp … ContainerNotebookProbe}.
 */
public final class ContainerNotebookProbe {

    static final String TITLE = "Container check notebook";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContainerNotebookProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("create") || args[0].equals("verify"))) {
            System.err.println("usage: ContainerNotebookProbe create|verify BASE_URL STATE_DIR");
            System.exit(2);
        }
        String base = args[1].replaceAll("/+$", "");
        Path dir = Files.createDirectories(Path.of(args[2]));
        try (Playwright pw = BrowserSupport.playwright(); Browser browser = BrowserSupport.launch(pw)) {
            PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
            boolean ok = args[0].equals("create") ? create(browser, base, dir) : verify(browser, base, dir);
            System.exit(ok ? 0 : 1);
        }
    }

    private static boolean create(Browser browser, String base, Path dir) throws Exception {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.navigate(base + "/");
            page.locator("#import-notebook input[type=file]").setInputFiles(Path.of("data/examples/verification.notebook.json"));
            PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*/notebooks/[0-9a-f-]{36}$"));
            page.getByLabel("Title").fill(TITLE);
            page.getByLabel("Title").press("Tab");
            PlaywrightAssertions.assertThat(page.locator(".save-state")).hasText(Pattern.compile("Saved \\d.*"));
            byte[] exported = export(page);
            Files.write(dir.resolve("notebook-before.json"), exported);
            Files.writeString(dir.resolve("notebook-url.txt"), page.url().substring(base.length()));
            context.storageState(new BrowserContext.StorageStateOptions().setPath(dir.resolve("browser-state.json")));
            System.out.println("notebook imported at " + page.url() + ", exported " + exported.length + " bytes");
            return exported.length > 0;
        }
    }

    private static boolean verify(Browser browser, String base, Path dir) throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("notebook-before.json"));
        String path = Files.readString(dir.resolve("notebook-url.txt")).trim();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true)
                .setStorageStatePath(dir.resolve("browser-state.json")))) {
            Page page = context.newPage();
            page.navigate(base + "/");
            PlaywrightAssertions.assertThat(page.locator(".notebook-list")).containsText(TITLE);
            page.navigate(base + path);
            PlaywrightAssertions.assertThat(page.getByLabel("Title")).hasValue(TITLE);
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Edit a copy"))).isHidden();
            byte[] after = export(page);
            Files.write(dir.resolve("notebook-after.json"), after);
            // the same JSON content; members may come in another order: an export right after the import lists
            // the outputs in the file's order, an export of the stored notebook in cell-id order (ORDER BY cell_id)
            boolean same = JSON.readTree(before).equals(JSON.readTree(after));
            String how = Arrays.equals(before, after) ? "byte-identical" : "same JSON, outputs in cell-id order";
            System.out.println(same ? "notebook " + path + " listed, opens, and exports the same " + after.length
                    + " bytes (" + how + ")"
                    : "notebook " + path + " exports different content after the restart (" + before.length + " vs "
                            + after.length + " bytes)");
            return same;
        }
    }

    private static byte[] export(Page page) throws Exception {
        Download download = page.waitForDownload(() -> page.locator(".export-link").click());
        return Files.readAllBytes(download.path());
    }
}
