package io.incentivelab.notebook.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incentivelab.notebook.chart.ChartOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Stored chart options drawn as static SVG or tables, with every text escaped. */
class ChartSvgTest {

    private static List<String> all(String regex, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void linesBecomePolylinesStackedSeriesAreSummedAndTextIsEscaped() throws Exception {
        var option = new JsonMapper().readTree("""
                {"title":{"text":"<script>t</script>"},"xAxis":{"data":["0","1","2"]},
                 "series":[{"type":"line","name":"mean <b>","data":[0.1,0.2,0.3]},
                           {"type":"line","name":"lo","stack":"band","data":[1,1,1]},
                           {"type":"line","name":"width","stack":"band","data":[1,2,3]}]}""");
        String svg = ChartSvg.render(option);
        assertThat(svg).contains("<svg").containsPattern("(<polyline.*){3}")
                .contains("&lt;script&gt;t&lt;/script&gt;").contains("mean &lt;b&gt;")
                .doesNotContain("<script").doesNotContain("<b>").doesNotContain("href");
        assertThat(svg).contains(",12.0").as("the top of the stacked band (4) is at the top of the plot");
    }

    @Test
    void tenSeriesHaveTenColoursALegendThatDoesNotOverlapAndAYAxisWithTicksAndTitle() {
        List<ChartOptions.Band> bands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bands.add(new ChartOptions.Band("rewardCurve.type=POWER · alpha=" + i + " (n=8)", new double[] {0.1 * i, 0.1 * i + 0.05},
                    new double[] {0.1 * i - 0.01, 0.1 * i + 0.04}, new double[] {0.1 * i + 0.01, 0.1 * i + 0.06}));
        }
        String svg = ChartSvg.render(ChartOptions.timeSeries("Gini", "speed.giniEmission", new int[] {10, 20}, bands));
        assertThat(all("<polyline[^>]*stroke=\"(#[0-9a-f]{6})\"", svg)).hasSize(10).doesNotHaveDuplicates();
        List<String> legend = all("<g class=\"legend-item\"><rect x=\"([0-9.]+\" y=\"[0-9.]+)\"", svg);
        assertThat(legend).as("ten legend entries, each at its own place").hasSize(10).doesNotHaveDuplicates();
        for (String at : legend) {
            assertThat(Double.parseDouble(at.substring(0, at.indexOf('"')))).isLessThan(720);
        }
        List<String> ticks = all("<text class=\"y-tick\"[^>]*>([^<]*)</text>", svg);
        assertThat(ticks.size()).isBetween(3, 12);
        assertThat(ticks).contains("0", "0.2");
        assertThat(svg).contains("class=\"y-title\"").contains(">speed.giniEmission</text>").contains(">epoch</text>");
    }

    @Test
    void stackedAreasStartAtZero() {
        String svg = ChartSvg.render(ChartOptions.stackedAreas("Compute", "resources.compute", new int[] {1, 2, 3},
                List.of(new ChartOptions.Line("alpha", new double[] {50, 51, 52}), new ChartOptions.Line("beta", new double[] {40, 41, 42}))));
        List<String> ticks = all("<text class=\"y-tick\"[^>]*>([^<]*)</text>", svg);
        assertThat(ticks.get(0)).isEqualTo("0");
        assertThat(ticks.get(ticks.size() - 1)).isEqualTo("100");
        assertThat(svg).containsPattern("(<polygon class=\"area\".*){2}");
    }

    @Test
    void pointTooltipsGiveTheMeanAndItsCiToFourSignificantDigits() {
        String svg = ChartSvg.render(ChartOptions.timeSeries("t", "alpha.top1Share", new int[] {10, 20},
                List.of(new ChartOptions.Band("wta", new double[] {0.412345, 0.5}, new double[] {0.398765, 0.45},
                        new double[] {0.426543, 0.55}))));
        assertThat(svg).contains("<title>wta · epoch 10: 0.4123 (95% CI 0.3988–0.4265)</title>")
                .doesNotContain("95% band").doesNotContain("95% low");
        String sweep = ChartSvg.render(ChartOptions.sweepLine("s", "m", "alpha", List.of("0.5", "1"),
                List.of(new ChartOptions.Band("power", new double[] {0.3, 0.6}, new double[] {0.25, 0.5}, new double[] {0.35, 0.7}))));
        assertThat(sweep).contains("class=\"error-bar\"").contains("<title>power · 1: 0.6 (95% CI 0.5–0.7)</title>");
    }

    @Test
    void anOlderStoredOptionWithoutColoursStillGetsBandsCisAndDistinctColours() throws Exception {
        var option = new JsonMapper().readTree("""
                {"title":{"text":"old"},"xAxis":{"name":"epoch","data":["0","1"]},"yAxis":{"name":"m"},
                 "legend":{"data":["a","b"]},
                 "series":[{"type":"line","name":"a","data":[0.5,0.6]},
                           {"type":"line","name":"a 95% low","stack":"band0","data":[0.4,0.5]},
                           {"type":"line","name":"a 95% band","stack":"band0","data":[0.2,0.2]},
                           {"type":"line","name":"b","data":[0.1,0.2]}]}""");
        String svg = ChartSvg.render(option);
        Set<String> colours = new HashSet<>(all("<polyline[^>]*stroke=\"(#[0-9a-f]{6})\"", svg));
        assertThat(colours).hasSize(2);
        assertThat(svg).contains("a · epoch 1: 0.6 (95% CI 0.5–0.7)").contains("<polygon class=\"area\"");
        assertThat(all("<g class=\"legend-item\">.*?<text[^>]*>([^<]*)</text>", svg)).containsExactly("a", "b");
    }

    @Test
    void aHeatMapBecomesATableOfMeansWithTheirIntervals() throws Exception {
        var option = new JsonMapper().readTree("""
                {"xAxis":{"data":["a","b"]},"yAxis":{"data":["y1"]},
                 "series":[{"type":"heatmap","data":[[0,0,0.5,0.01],[1,0,0.25,null]]}]}""");
        assertThat(ChartSvg.render(option)).contains("<table class=\"heatmap\">")
                .contains("<td title=\"0.5 (95% CI 0.49–0.51)\">0.5 ± 0.01</td>").contains(">0.25</td>");
        String svg = ChartSvg.render(ChartOptions.heatmap("h", "m", "x", List.of("1"), "y", List.of("2"),
                new double[][] {{0.3}}, new double[][] {{0.05}}));
        assertThat(svg).contains(">0.3 ± 0.05</td>");
    }

    @Test
    void longDecimalCategoriesAreShortened() {
        assertThat(ChartSvg.category("1.6666666666666667")).isEqualTo("1.667");
        assertThat(ChartSvg.category("0.5")).isEqualTo("0.5");
        assertThat(ChartSvg.category("PROPORTIONAL")).isEqualTo("PROPORTIONAL");
    }

    @Test
    void ticksAreRound() {
        double[] t = ChartSvg.ticks(0.03, 0.97);
        assertThat(t).hasSize(6);
        assertThat(t[0]).isEqualTo(0);
        assertThat(t[5]).isEqualTo(1);
        assertThat(ChartSvg.ticks(3, 3)).hasSizeGreaterThan(2);
    }
}
