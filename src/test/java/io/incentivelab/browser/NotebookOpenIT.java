package io.incentivelab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Measures (does not assert a time) how long notebooks with stored results take to open: the 14-cell
 * <i>Reward curves</i> example and a ten-cell notebook (the <i>speed-storage-accuracy</i> example followed by the
 * first five cells of <i>verification</i>: 2 scenarios, 2 experiments with results, 3 charts, 1 comparison, 2
 * notes). For each open it measures, on the page's own clock, the time from navigation start until every cell
 * is on the page and until every chart is drawn and the comparison shown; the server's part is the time
 * Vaadin's requests (init, UIDL) wait for their first byte, the payload their total size. Run on purpose only:
 * {@code ./mvnw -B -Pproduction verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NotebookOpenIT -Dmeasure=true};
 * the figures are printed as lines starting with {@code MEASURE}, and the server's own split (read, build the cards,
 * staleness) as the DEBUG lines of {@code NotebookView} ("opened notebook …").
 */
@EnabledIfSystemProperty(named = "measure", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:openit;DB_CLOSE_DELAY=-1",
                "vaadin.devmode.devTools.enabled=false", "logging.level.io.incentivelab.notebook.ui.NotebookView=DEBUG"})
class NotebookOpenIT extends BrowserTest {

    static final OwnerKey OWNER = OwnerKey.generate();
    static final int RUNS = Integer.getInteger("measure.runs", 7);

    /** In the page: the time since navigation start when every card is laid out (and, if asked, drawn). */
    static final String READY = """
            ([cells, charts, compares, drawn]) => {
              const cards = document.querySelectorAll('.cell-card');
              if (cards.length !== cells || cards[cells - 1].getBoundingClientRect().height === 0) return false;
              if (!drawn) return performance.now();
              if (document.querySelectorAll('lab-chart[data-points]').length !== charts) return false;
              const tables = [...document.querySelectorAll('.compare-table')].filter(t => t.offsetHeight > 0);
              return tables.length === compares ? performance.now() : false;
            }""";

    /** In the page: Vaadin's requests (init, UIDL) so far, from the resource timing of this document. */
    static final String VAADIN_REQUESTS = """
            () => performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=')).map(e => ({
              name: e.name.replace(/^.*\\?/, '?'), start: e.startTime, firstByte: e.responseStart - e.requestStart,
              bytes: e.decodedBodySize }))""";

    @Autowired
    NotebookService notebooks;

    @Test
    void measure() throws Exception {
        Notebook rewardCurves = notebooks.copyExample("reward-curves", OWNER);
        Notebook ten = notebooks.importFile(tenCells(), OWNER);
        assertThat(ten.document().cells()).hasSize(10);
        assertThat(ten.outputs()).hasSize(6);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            BrowserSupport.ownerKey(context, port, OWNER);
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/"); // warm up the server and the browser cache
            for (Notebook nb : List.of(rewardCurves, ten)) {
                measure(page, nb);
            }
        }
    }

    private void measure(Page page, Notebook nb) throws IOException {
        int cells = nb.document().cells().size();
        int charts = (int) nb.document().cells().stream().filter(ChartCell.class::isInstance).count();
        int compares = (int) nb.document().cells().stream().filter(CompareCell.class::isInstance).count();
        List<Long> server = new ArrayList<>();
        List<Long> initBytes = new ArrayList<>();
        List<Long> cardsAt = new ArrayList<>();
        List<Long> drawnAt = new ArrayList<>();
        String url = "http://localhost:" + port + "/notebooks/" + nb.id();
        // warm up this notebook's path once (not counted); with -Dmeasure.dump=true keep its UIDL responses
        List<Response> uidl = new ArrayList<>();
        Consumer<Response> collect = r -> {
            if (r.url().contains("v-r=uidl")) {
                uidl.add(r);
            }
        };
        page.onResponse(collect);
        page.navigate(url);
        waitReady(page, cells, charts, compares, true);
        page.offResponse(collect);
        if (Boolean.getBoolean("measure.dump")) {
            for (int n = 0; n < uidl.size(); n++) {
                Path file = Path.of("target", "uidl-" + nb.id() + "-" + n + ".json");
                Files.write(file, uidl.get(n).body());
                System.out.println("MEASURE   UIDL response written to " + file);
            }
        }
        for (int i = 0; i < RUNS; i++) {
            page.navigate(url);
            cardsAt.add(waitReady(page, cells, charts, compares, false));
            drawnAt.add(waitReady(page, cells, charts, compares, true));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> vaadin = (List<Map<String, Object>>) page.evaluate(VAADIN_REQUESTS);
            assertThat(vaadin).as("Vaadin's requests").isNotEmpty();
            long wait = 0;
            long bytes = 0;
            for (Map<String, Object> r : vaadin) {
                double firstByte = ((Number) r.get("firstByte")).doubleValue();
                long size = ((Number) r.get("bytes")).longValue();
                wait += Math.round(firstByte);
                bytes += size;
                if (i == 0) {
                    System.out.printf(Locale.ROOT, "MEASURE   request %s at %.0f ms: first byte after %.0f ms, %d bytes%n",
                            r.get("name"), ((Number) r.get("start")).doubleValue(), firstByte, size);
                }
            }
            server.add(wait);
            initBytes.add(bytes);
        }
        String what = "'" + nb.title() + "' (" + cells + " cells, " + charts + " charts, " + compares + " comparison)";
        print(what + ": server (Vaadin's requests until their first byte, summed)", server, "ms");
        print(what + ": Vaadin's responses (init and UIDL), total size", initBytes, "bytes");
        print(what + ": navigation start until every cell is on the page", cardsAt, "ms");
        print(what + ": navigation start until every chart is drawn and the comparison shown", drawnAt, "ms");
    }

    private static long waitReady(Page page, int cells, int charts, int compares, boolean drawn) {
        Object at = page.waitForFunction(READY, List.of(cells, charts, compares, drawn),
                new Page.WaitForFunctionOptions().setTimeout(60_000)).jsonValue();
        return Math.round(((Number) at).doubleValue());
    }

    private static void print(String what, List<Long> values, String unit) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "MEASURE %s: median %d %s, min %d, max %d over %d (load %.1f)%n", what,
                sorted.get(sorted.size() / 2), unit, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** speed-storage-accuracy (5 cells) + the first five cells of verification, with their stored outputs. */
    private static byte[] tenCells() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode first = (ObjectNode) json.readTree(example("speed-storage-accuracy"));
        ObjectNode second = (ObjectNode) json.readTree(example("verification"));
        ArrayNode cells = (ArrayNode) first.get("cells");
        for (int i = 0; i < 5; i++) {
            ObjectNode c = (ObjectNode) second.get("cells").get(i).deepCopy();
            if (c.get("id").asText().equals("intro")) {
                c.put("id", "verif-intro");
            }
            cells.add(c);
        }
        ObjectNode outputs = (ObjectNode) first.get("outputs");
        for (Map.Entry<String, JsonNode> e : second.get("outputs").properties()) {
            outputs.set(e.getKey(), e.getValue());
        }
        first.put("title", "Ten cells with results");
        return json.writeValueAsBytes(first);
    }

    private static String example(String name) throws Exception {
        try (InputStream in = NotebookOpenIT.class.getResourceAsStream("/examples/" + name + ".notebook.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
