package io.incentivelab.notebook.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ChartOptionsTest {

    private static final ChartOptions.Band BAND = new ChartOptions.Band("wta", new double[] {0.5, 0.6, Double.NaN},
            new double[] {0.4, 0.55, Double.NaN}, new double[] {0.6, 0.65, Double.NaN});

    @Test
    void timeSeriesHasMeanLineAndStackedBandWithLegendTooltipAndZoom() {
        ObjectNode o = ChartOptions.timeSeries("Gini", "alpha.giniEmission", new int[] {10, 20, 30}, List.of(BAND));
        assertThat(o.at("/title/text").asText()).isEqualTo("Gini");
        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"10\",\"20\",\"30\"]");
        assertThat(o.at("/legend/data").toString()).isEqualTo("[\"wta\"]");
        assertThat(o.at("/tooltip/trigger").asText()).isEqualTo("axis");
        assertThat(o.at("/dataZoom/0/type").asText()).isEqualTo("inside");
        assertThat(o.at("/dataZoom/1/type").asText()).isEqualTo("slider");
        JsonNode s = o.get("series");
        assertThat(s).hasSize(3);
        assertThat(s.get(0).get("data").toString())
                .isEqualTo("[[0,0.5,\"0.5 (95% CI 0.4–0.6)\"],[1,0.6,\"0.6 (95% CI 0.55–0.65)\"],[2,null,\"–\"]]");
        assertThat(s.get(0).at("/encode/y").asInt()).isEqualTo(1);
        assertThat(s.get(0).at("/dimensions/2/name").asText()).isEqualTo("mean (95% CI)");
        assertThat(s.get(1).at("/tooltip/show").asBoolean(true)).as("the bounds are not listed in the tooltip").isFalse();
        assertThat(s.get(2).at("/tooltip/show").asBoolean(true)).isFalse();
        // band: transparent lower bound, then the width stacked on it
        assertThat(s.get(1).get("stack").asText()).isEqualTo(s.get(2).get("stack").asText());
        assertThat(s.get(1).get("data").toString()).isEqualTo("[0.4,0.55,null]");
        assertThat(s.get(2).at("/data/0").asDouble()).isCloseTo(0.2, Offset.offset(1e-9));
        assertThat(s.get(2).at("/data/1").asDouble()).isCloseTo(0.1, Offset.offset(1e-9));
        assertThat(s.get(2).has("areaStyle")).isTrue();
        assertThat(ChartOptions.dataPoints(o)).isEqualTo(9);
        assertThat(o.toString()).doesNotContain("NaN");
    }

    @Test
    void lorenzHasTheLineOfEqualityAndPercentAxis() {
        double[] f = {0, 0.5, 1};
        ChartOptions.Band c = new ChartOptions.Band("prop", new double[] {0, 0.3, 1}, new double[] {0, 0.25, 1},
                new double[] {0, 0.35, 1});
        ObjectNode o = ChartOptions.lorenz("Lorenz", "miner emission", f, List.of(c));
        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"0%\",\"50%\",\"100%\"]");
        assertThat(o.at("/yAxis/max").asInt()).isEqualTo(1);
        assertThat(o.at("/series/0/name").asText()).isEqualTo("equality");
        assertThat(o.at("/series/0/data").toString()).isEqualTo("[0.0,0.5,1.0]");
        assertThat(o.at("/series/1/data/1/1").asDouble()).isEqualTo(0.3);
        assertThat(o.at("/series/1/data/1/2").asText()).isEqualTo("0.3 (95% CI 0.25–0.35)");
        assertThat(o.at("/legend/data").toString()).isEqualTo("[\"equality\",\"prop\"]");
    }

    @Test
    void stackedAreasStackEverySubnet() {
        ObjectNode o = ChartOptions.stackedAreas("Compute", "resources.compute", new int[] {1, 2},
                List.of(new ChartOptions.Line("alpha", new double[] {1, 2}), new ChartOptions.Line("beta", new double[] {3, 4})));
        assertThat(o.get("series")).hasSize(2);
        for (JsonNode s : o.get("series")) {
            assertThat(s.get("stack").asText()).isEqualTo("total");
            assertThat(s.has("areaStyle")).isTrue();
        }
        assertThat(ChartOptions.dataPoints(o)).isEqualTo(4);
    }

    @Test
    void sweepLineHasErrorBarsFromTheInterval() {
        ObjectNode o = ChartOptions.sweepLine("Top-1", "alpha.top1Share", "rewardCurve.type", List.of("PROPORTIONAL", "WTA"),
                List.of(new ChartOptions.Band("s", new double[] {0.1, 0.9}, new double[] {0.05, 0.85},
                        new double[] {0.15, 0.95})));
        assertThat(o.at("/xAxis/data").toString()).isEqualTo("[\"PROPORTIONAL\",\"WTA\"]");
        assertThat(o.at("/series/0/type").asText()).isEqualTo("line");
        assertThat(o.at("/series/1/type").asText()).isEqualTo("boxplot");
        assertThat(o.at("/series/1/data/1").toString()).isEqualTo("[0.85,0.85,0.9,0.95,0.95]");
        assertThat(o.at("/series/1/tooltip/show").asBoolean(true)).isFalse();
        assertThat(o.at("/series/0/data/1/2").asText()).isEqualTo("0.9 (95% CI 0.85–0.95)");
    }

    @Test
    void heatmapCarriesMeanAndHalfWidthAndAVisualMapOverTheMeans() {
        double[][] mean = {{0.1, 0.2}, {0.3, Double.NaN}};
        double[][] half = {{0.01, 0.02}, {0.03, Double.NaN}};
        ObjectNode o = ChartOptions.heatmap("Gini", "alpha.giniEmission", "x", List.of("1", "2"), "y", List.of("a", "b"),
                mean, half);
        assertThat(o.at("/series/0/type").asText()).isEqualTo("heatmap");
        assertThat(o.at("/series/0/data/0/value").toString()).isEqualTo("[0,0,0.1,0.01]");
        assertThat(o.at("/series/0/data/3/value").toString()).isEqualTo("[1,1,null,null]");
        assertThat(o.at("/series/0/data/2/name").asText()).isEqualTo("x 2, y a: 0.3 (95% CI 0.27–0.33)");
        assertThat(o.at("/series/0/tooltip/formatter").asText()).isEqualTo("{a}<br/>{b}");
        assertThat(o.at("/visualMap/min").asDouble()).isEqualTo(0.1);
        assertThat(o.at("/visualMap/max").asDouble()).isEqualTo(0.3);
        assertThat(o.at("/visualMap/dimension").asInt()).isEqualTo(2);
    }

    @Test
    void tenSeriesGetTenColoursAndEachBandItsLinesColour() {
        List<ChartOptions.Band> bands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            bands.add(new ChartOptions.Band("p" + i, new double[] {i, i + 1}, new double[] {i - 0.5, i + 0.5},
                    new double[] {i + 0.5, i + 1.5}));
        }
        ObjectNode o = ChartOptions.timeSeries("t", "m", new int[] {1, 2}, bands);
        assertThat(o.get("color")).hasSize(10);
        Set<String> colours = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            JsonNode mean = o.at("/series/" + 3 * i);
            JsonNode band = o.at("/series/" + (3 * i + 2));
            assertThat(band.at("/areaStyle/color").asText()).isEqualTo(mean.at("/lineStyle/color").asText());
            colours.add(mean.at("/lineStyle/color").asText());
        }
        assertThat(colours).hasSize(10);
        ObjectNode stacked = ChartOptions.stackedAreas("c", "r", new int[] {1}, List.of(new ChartOptions.Line("a", new double[] {1}),
                new ChartOptions.Line("b", new double[] {2})));
        assertThat(stacked.at("/series/0/itemStyle/color").asText()).isEqualTo(ChartOptions.PALETTE.get(0));
        assertThat(stacked.at("/series/1/itemStyle/color").asText()).isEqualTo(ChartOptions.PALETTE.get(1));
    }

    @Test
    void tooltipNumbersHaveFourSignificantDigitsAndCallTheIntervalACi() {
        assertThat(ChartOptions.meanCi(0.412345, 0.398765, 0.426543)).isEqualTo("0.4123 (95% CI 0.3988–0.4265)");
        assertThat(ChartOptions.meanCi(11795412, 11795300, 11795500)).as("more digits where the bounds would read the same")
                .isEqualTo("1.1795e7 (95% CI 1.1795e7–1.1796e7)");
        assertThat(ChartOptions.meanCi(0.5, Double.NaN, Double.NaN)).isEqualTo("0.5");
        assertThat(ChartOptions.sig(3.2e-17, 4)).isEqualTo("0");
        assertThat(ChartOptions.sig(-1e-12, 4)).isEqualTo("0");
        assertThat(ChartOptions.sig(0.000123456, 4)).isEqualTo("1.235e-4");
        assertThat(ChartOptions.sig(1234.5678, 4)).isEqualTo("1235");
        assertThat(ChartOptions.sig(12, 4)).isEqualTo("12");
    }

    @Test
    void upgradingAnOlderStoredChartKeepsItsValuesAndAddsColoursAndCiTooltips() throws Exception {
        // the reward-curves example's charts as stored before charts had one palette (engine-5 outputs)
        JsonNode stored = new ObjectMapper().readTree(
                Path.of("src/test/resources/charts/engine-5-stored-options.json").toFile());
        for (String id : List.of("wta-series", "power-chart", "curves-lorenz")) {
            ObjectNode old = (ObjectNode) stored.get(id);
            assertThat(old.has("color")).isFalse();
            ObjectNode up = ChartOptions.upgrade(old);
            assertThat(ChartOptions.upgrade(up)).as("idempotent").isEqualTo(up);
            assertThat(ChartOptions.dataPoints(up)).isEqualTo(ChartOptions.dataPoints(old));
            assertThat(up.get("color")).hasSize(10);
            Set<String> colours = new HashSet<>();
            boolean ci = false;
            for (int k = 0; k < up.get("series").size(); k++) {
                JsonNode s = up.get("series").get(k);
                JsonNode was = old.get("series").get(k);
                String name = s.path("name").asText();
                if (name.endsWith(" 95% low") || name.endsWith(" 95% band") || s.path("type").asText().equals("boxplot")) {
                    assertThat(s.at("/tooltip/show").asBoolean(true)).as(id + " " + name).isFalse();
                    continue;
                }
                if (name.equals("equality")) {
                    continue;
                }
                colours.add(s.at("/lineStyle/color").asText());
                for (int i = 0; i < was.get("data").size(); i++) {
                    assertThat(s.at("/data/" + i + "/1")).as(id + " " + name + " keeps its values").isEqualTo(was.at("/data/" + i));
                    ci |= s.at("/data/" + i + "/2").asText().contains("95% CI");
                }
            }
            assertThat(ci).as(id).isTrue();
            assertThat(colours).as(id).doesNotContain("").hasSize((int) StreamSupport.stream(up.get("series").spliterator(), false)
                    .filter(s -> s.path("type").asText().equals("line") && !s.path("name").asText().contains("95%")
                            && !s.path("name").asText().equals("equality")).count());
        }
        ObjectNode current = ChartOptions.timeSeries("t", "m", new int[] {1, 2}, List.of(BAND));
        assertThat(ChartOptions.upgrade(current)).isEqualTo(current);
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertThat(ChartOptions.round(0.123456789)).isEqualTo(0.123457);
        assertThat(ChartOptions.round(123456789.0)).isEqualTo(123457000.0);
        assertThat(ChartOptions.round(Double.NaN)).isNaN();
    }
}
