package io.incentivelab.notebook.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** Stored chart options drawn as static SVG or tables, with every text escaped. */
class ChartSvgTest {

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
        assertThat(svg).contains(",10.0").as("the top of the stacked band (4) is at the top of the plot");
    }

    @Test
    void aHeatMapBecomesATable() throws Exception {
        var option = new JsonMapper().readTree("""
                {"xAxis":{"data":["a","b"]},"yAxis":{"data":["y1"]},
                 "series":[{"type":"heatmap","data":[[0,0,0.5],[1,0,0.25]]}]}""");
        assertThat(ChartSvg.render(option)).contains("<table class=\"heatmap\">").contains("<td>0.5</td><td>0.25</td>");
    }
}
