package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.incentivelab.experiment.Sensitivity;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.experiment.SensitivityAnalysis.ParameterIndices;
import io.incentivelab.experiment.SensitivityAnalysis.ScenarioIndices;
import io.incentivelab.notebook.MetricLabels;
import io.incentivelab.notebook.ui.chart.EChart;
import io.incentivelab.simulation.sensitivity.Index;
import java.util.Locale;

/**
 * Which parameter matters (issue 19): per scenario, the parameters ranked by total Sobol index (or Morris μ*) as a
 * bar chart with confidence-interval whiskers, and the same numbers in a table.
 */
class SensitivityView extends Div {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    SensitivityView() {
        addClassName("sensitivity-view");
        setWidthFull();
        setVisible(false);
    }

    void show(SensitivityAnalysis.Result r) {
        removeAll();
        setVisible(r != null);
        if (r == null) {
            return;
        }
        boolean sobol = r.method() == Sensitivity.Method.SALTELLI;
        int pct = (int) Math.round(r.confidence() * 100);
        add(new H4("Which parameter matters for " + MetricLabels.of(r.metric())));
        Span how = new Span(sobol
                ? "Sobol indices (Saltelli design, Jansen estimators, N = " + r.samples() + "): total ST = the share of the"
                + " metric's variance a parameter causes with its interactions, first-order S = alone; whiskers: "
                + pct + " % bootstrap CI."
                : "Morris elementary effects (r = " + r.samples() + " trajectories): μ* = mean absolute effect of moving"
                + " the parameter across its range (in the metric's units), σ = how much that effect varies; whiskers: "
                + pct + " % bootstrap CI.");
        how.addClassName("sensitivity-caption");
        how.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        add(how);
        if (sobol && r.scenarios().stream().flatMap(x -> x.parameters().stream()).anyMatch(p ->
                outside(p.total()) || outside(p.first()))) {
            Span caution = new Span("Some indices fall outside 0–1: that is sampling error of the design (N = "
                    + r.samples() + "), mostly in the first-order estimates; read each with its interval, and raise"
                    + " Samples to narrow them. The ranking by total index is the robust part.");
            caution.addClassName("sensitivity-caution");
            caution.getStyle().set("display", "block").set("color", "var(--lumo-warning-text-color, #8a5300)")
                    .set("font-size", "var(--lumo-font-size-s)");
            add(caution);
        }
        if (r.problem() != null) {
            Span p = new Span("No indices yet: " + r.problem());
            p.addClassName("sensitivity-problem");
            add(p);
        }
        for (ScenarioIndices s : r.scenarios()) {
            Div block = new Div();
            block.addClassName("sensitivity-scenario");
            block.getElement().setAttribute("data-scenario", s.scenario());
            if (r.scenarios().size() > 1) {
                block.add(new Span("Scenario " + s.scenario()));
            }
            EChart chart = new EChart();
            chart.setWidthFull();
            chart.setHeight("320px");
            chart.setOption(option(r, s).toString());
            Grid<ParameterIndices> table = new Grid<>();
            table.addClassName("sensitivity-table");
            table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
            table.setAllRowsVisible(true);
            table.addColumn(p -> p.path().replaceFirst("^\\$\\.", "")).setHeader("Parameter").setAutoWidth(true);
            if (sobol) {
                table.addColumn(p -> cell(p.total())).setHeader("Total ST (" + pct + " % CI)").setAutoWidth(true);
                table.addColumn(p -> cell(p.first())).setHeader("First-order S (" + pct + " % CI)").setAutoWidth(true);
            } else {
                table.addColumn(p -> cell(p.muStar())).setHeader("μ* (" + pct + " % CI)").setAutoWidth(true);
                table.addColumn(p -> cell(p.sigma())).setHeader("σ (" + pct + " % CI)").setAutoWidth(true);
            }
            table.setItems(s.parameters());
            block.add(chart, table);
            add(block);
        }
    }

    private static boolean outside(Index i) {
        return i.estimate() < -0.05 || i.estimate() > 1.05;
    }

    /** "0.412 [0.371, 0.455]", 3 significant digits; near-zero values as 0. */
    static String cell(Index i) {
        return fmt(i.estimate()) + " [" + fmt(i.lower()) + ", " + fmt(i.upper()) + "]";
    }

    private static String fmt(double x) {
        if (!Double.isFinite(x)) {
            return "–";
        }
        if (Math.abs(x) < 1e-9) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.3g", x);
    }

    /** Bars of the leading index, whiskers of its CI (a box plot with no box), and the second index as points. */
    static ObjectNode option(SensitivityAnalysis.Result r, ScenarioIndices s) {
        boolean sobol = r.method() == Sensitivity.Method.SALTELLI;
        String lead = sobol ? "total ST" : "μ*";
        String second = sobol ? "first-order S" : "σ";
        ObjectNode o = F.objectNode();
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("top", 0);
        ObjectNode grid = o.putObject("grid");
        grid.put("containLabel", true).put("left", 8).put("right", 16).put("top", 36).put("bottom", 8);
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "category");
        ArrayNode names = x.putArray("data");
        x.putObject("axisLabel").put("interval", 0).put("rotate", s.parameters().size() > 4 ? 20 : 0);
        ObjectNode y = o.putObject("yAxis");
        y.put("type", "value").put("name", sobol ? "index (share of variance)" : "effect (" + MetricLabels.of(r.metric()) + ")");
        // from 0, unless an estimate or interval falls below it (small samples): then show it, never clip it
        double lowest = 0;
        for (ParameterIndices p : s.parameters()) {
            Index a = sobol ? p.total() : p.muStar();
            Index b = sobol ? p.first() : p.sigma();
            lowest = Math.min(lowest, Math.min(a.lower(), b.estimate()));
        }
        y.put("min", lowest < 0 ? Math.floor(lowest * 10) / 10 : 0);
        ArrayNode bars = F.arrayNode();
        ArrayNode whiskers = F.arrayNode();
        ArrayNode points = F.arrayNode();
        for (ParameterIndices p : s.parameters()) {
            names.add(p.path().replaceFirst("^\\$\\.", ""));
            Index a = sobol ? p.total() : p.muStar();
            Index b = sobol ? p.first() : p.sigma();
            bars.add(round(a.estimate()));
            whiskers.add(F.arrayNode().add(round(a.lower())).add(round(a.estimate())).add(round(a.estimate()))
                    .add(round(a.estimate())).add(round(a.upper())));
            points.add(round(b.estimate()));
        }
        ArrayNode series = o.putArray("series");
        series.addObject().put("type", "bar").put("name", lead).put("barMaxWidth", 48).set("data", bars);
        ObjectNode w = series.addObject();
        w.put("type", "boxplot").put("name", lead + " CI");
        w.putArray("boxWidth").add(2).add(6);
        w.putObject("itemStyle").put("color", "rgba(0,0,0,0)").put("borderColor", "#333");
        w.set("data", whiskers);
        ObjectNode sc = series.addObject();
        sc.put("type", "scatter").put("name", second).put("symbolSize", 9);
        sc.set("data", points);
        return o;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.4g", v)) : 0;
    }
}
