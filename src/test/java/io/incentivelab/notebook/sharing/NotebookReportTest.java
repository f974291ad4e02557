package io.incentivelab.notebook.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The static report's sections. */
class NotebookReportTest {

    private static String body(CompareCell cell, CompareOutput out) {
        NotebookDocument doc = new NotebookDocument(NotebookDocument.FORMAT_VERSION, "t", List.of(cell));
        return NotebookReport.body(new NotebookFile(doc, out == null ? Map.of() : Map.of(cell.id(), out)), Map.of(), Map.of());
    }

    @Test
    void aCompareSectionIsTitledByItsCellsHeadingElseByWhatItCompares() {
        CompareOutput out = new CompareOutput("h", "x", "power · type=WTA", "power · type=PROPORTIONAL", List.of(), List.of());
        assertThat(body(new CompareCell("c-7f3a", "Winner-take-all vs proportional", "e", 1, 0, ""), out))
                .contains("<h2>Compare: Winner-take-all vs proportional</h2>");
        assertThat(body(new CompareCell("c-7f3a", "", "e", 1, 0, ""), out))
                .contains("<h2>Compare: power · type=WTA vs power · type=PROPORTIONAL</h2>").doesNotContain("c-7f3a</h2>");
        assertThat(body(new CompareCell("c-7f3a", "", "e", 1, 0, ""), null)).doesNotContain("c-7f3a</h2>");
        CompareOutput rows = new CompareOutput("h", "x", "a", "b", List.of(new CompareOutput.Row("speed.top1Share", 4, 0.9, 0.85,
                0.95, 4, 0.2, 0.15, 0.25, 0.7, 1e-5, 0.03, 9.1)), List.of());
        assertThat(body(new CompareCell("c", "", "e", 1, 0, ""), rows))
                .contains("<td>speed · top-1 share of miner emission<br><code class=\"metric-key\">speed.top1Share</code></td>");
    }

    @Test
    void resultsTablesPutTheSweptParameterFirstLabelMetricsForPeopleAndShowTheResourceMatrix() throws Exception {
        NotebookFile reward = NotebookCodec.readFile(Files.readString(
                Path.of("data/examples/reward-curves.notebook.json")));
        String html = NotebookReport.body(reward, Map.of(), Map.of());
        // α sweep: the swept parameter is the first column
        Matcher m = Pattern.compile("<table class=\"results\"><thead><tr><th[^>]*>([^<]*)</th>")
                .matcher(html.substring(html.indexOf("data-cell-id=\"power-sweep\"")));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("subnets[0].rewardCurve.alpha");
        assertThat(html.substring(html.indexOf("data-cell-id=\"power-sweep\""))).as("one scenario: no scenario column, as in the app")
                .doesNotStartWith("<th>Scenario</th>").contains("<th class=\"swept\">subnets[0].rewardCurve.alpha</th><th title=");
        var ms = new ExperimentOutput.MetricSummary(3, 0.4, 0.3, 0.5);
        var two = new ExperimentOutput("x", "COMPLETED", null, "h", "engine-6", 6, 6, 0, null,
                List.of("a.giniEmission"), List.of(
                        new ExperimentOutput.PointResult("A", Map.of(), 3, 3, Map.of("a.giniEmission", ms)),
                        new ExperimentOutput.PointResult("B", Map.of(), 3, 3, Map.of("a.giniEmission", ms))));
        var exp = new ExperimentCell("e", "", List.of(), Combine.GRID, List.of(), 3, 1, null);
        String twoHtml = NotebookReport.body(new NotebookFile(new NotebookDocument(NotebookDocument.FORMAT_VERSION, "t",
                List.of(exp)), Map.of("e", two)), Map.of(), Map.of());
        assertThat(twoHtml).as("two scenarios: a scenario column").contains("<table class=\"results\"><thead><tr><th>Scenario</th>")
                .contains("<tr><td>B</td>");
        assertThat(html).contains("<th title=\"speed.giniEmission\">speed · Gini of miner emission<br><code class=\"metric-key\">"
                + "speed.giniEmission</code></th>");

        NotebookFile ssa = NotebookCodec.readFile(Files.readString(
                Path.of("data/examples/speed-storage-accuracy.notebook.json")));
        String body = NotebookReport.body(ssa, Map.of(), Map.of());
        assertThat(body).contains("<table class=\"resource-matrix\">").contains("<th>share of compute</th>")
                .containsPattern("<tr><th>speed</th><td class=\"metric-value\">0\\.6278 ± 0\\.0219 \\(6\\)</td>")
                .contains("Where the hardware goes");
    }
}
