package io.incentivelab.notebook.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;

/**
 * An Apache ECharts chart (the Lit element {@code lab-chart} in {@code frontend/components}). The server builds the
 * ECharts option object as JSON and sets it as an element property; the browser renders it as SVG.
 */
@Tag("lab-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/lab-chart.ts")
public class EChart extends Component implements HasSize, HasStyle {

    /** Replaces the chart's ECharts option (a JSON object as text). */
    public void setOption(String optionJson) {
        getElement().setPropertyJson("option", Json.parse(optionJson));
    }

    /** Asks the browser to rasterise the chart and download it as a PNG file. */
    public void downloadPng(String fileName) {
        getElement().callJsFunction("downloadPng", fileName);
    }
}
