package io.incentivelab.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** A user opens the home page in Chromium and sees the product, its navigation and the notebook list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:homeit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false"})
class HomePageIT extends BrowserTest {

    @Test
    void homeShowsTitleNavigationAndNotebooks() {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            List<String> problems = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.type().equals("error")) {
                    problems.add(m.text());
                }
            });
            page.onPageError(problems::add);
            page.navigate("http://localhost:" + port + "/");
            assertThat(page).hasTitle("Incentive Lab");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Incentive Lab")))
                    .isVisible();
            assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions()
                    .setHasText("Notebooks"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notebooks").setExact(true)))
                    .isVisible();
            Assertions.assertThat(problems)
                    .as("no script errors or content-security-policy violations").isEmpty();
            // the tab icon is declared and served
            String icon = page.locator("link[rel=icon]").first().getAttribute("href");
            var answer = page.request().get("http://localhost:" + port + "/" + icon.replaceFirst("^/", ""));
            Assertions.assertThat(answer.status()).isEqualTo(200);
            Assertions.assertThat(answer.headers().get("content-type")).contains("svg");
        }
    }

    @Test
    void unknownAddressShowsNotFound() {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/no-such-page");
            assertThat(page.getByText("Page not found")).isVisible();
        }
    }
}
