package io.incentivelab.notebook.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
        assertThat(s.get(0).get("data").toString()).isEqualTo("[0.5,0.6,null]");
        // band: transparent lower bound, then the width stacked on it
        assertThat(s.get(1).get("stack").asText()).isEqualTo(s.get(2).get("stack").asText());
        assertThat(s.get(1).get("data").toString()).isEqualTo("[0.4,0.55,null]");
        assertThat(s.get(2).at("/data/0").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.get(2).at("/data/1").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
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
        assertThat(o.at("/series/1/data").toString()).isEqualTo("[0.0,0.3,1.0]");
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
    }

    @Test
    void heatmapCarriesMeanAndHalfWidthAndAVisualMapOverTheMeans() {
        double[][] mean = {{0.1, 0.2}, {0.3, Double.NaN}};
        double[][] half = {{0.01, 0.02}, {0.03, Double.NaN}};
        ObjectNode o = ChartOptions.heatmap("Gini", "alpha.giniEmission", "x", List.of("1", "2"), "y", List.of("a", "b"),
                mean, half);
        assertThat(o.at("/series/0/type").asText()).isEqualTo("heatmap");
        assertThat(o.at("/series/0/data").toString()).isEqualTo("[[0,0,0.1,0.01],[0,1,0.2,0.02],[1,0,0.3,0.03],[1,1,null,null]]");
        assertThat(o.at("/visualMap/min").asDouble()).isEqualTo(0.1);
        assertThat(o.at("/visualMap/max").asDouble()).isEqualTo(0.3);
        assertThat(o.at("/visualMap/dimension").asInt()).isEqualTo(2);
    }

    @Test
    void roundsToSixSignificantDigits() {
        assertThat(ChartOptions.round(0.123456789)).isEqualTo(0.123457);
        assertThat(ChartOptions.round(123456789.0)).isEqualTo(123457000.0);
        assertThat(ChartOptions.round(Double.NaN)).isNaN();
    }
}
