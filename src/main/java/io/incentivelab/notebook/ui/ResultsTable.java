package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.MetricLabels;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.ResourceMatrix;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.simulation.FlatKey;
import io.incentivelab.simulation.SubnetMetric;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Set;

/**
 * The results of an experiment: one row per sweep point (its scenario and swept values), one column per
 * chosen metric showing the mean ± the half-width of its 95% confidence interval, with n. The concentration
 * metrics are shown first; any metric can be added.
 */
class ResultsTable extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final String METRICS_VIEW = "Metrics";
    static final String MATRIX_VIEW = "Subnet × resource matrix";
    static final String MATRIX_CAPTION = "Where the hardware goes: each subnet's share of the network's compute, storage "
            + "and quality (last-quarter means), mean ± 95% CI half-width (n); each column sums to 1.";
    private static final List<String> FIRST = List.of("giniEmission", "top1Share", "nakamotoEmission", "hhiEmission",
            "crossSubnetHhi");

    private final Span summary = new Span();
    private final MultiSelectComboBox<String> metrics = new MultiSelectComboBox<>("Metrics shown");
    private final Grid<PointResult> grid = new Grid<>();
    private final RadioButtonGroup<String> view = new RadioButtonGroup<>();
    private final Div matrixView = new Div();
    private final Select<Integer> matrixPoint = new Select<>();
    private final Span matrixCaption = new Span();
    private final Grid<Integer> matrix = new Grid<>();
    private ExperimentOutput output;
    private Function<String, String> parameterLabel = path -> null;
    private ResourceMatrix shownMatrix;

    ResultsTable() {
        addClassName("results-table");
        setWidthFull();
        summary.addClassName("results-summary");
        metrics.setWidth("min(60em, 100%)");
        metrics.setItemLabelGenerator(MetricLabels::withKey);
        metrics.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                columns(e.getValue());
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        view.addClassName("results-view");
        view.setItems(METRICS_VIEW, MATRIX_VIEW);
        view.setValue(METRICS_VIEW);
        view.addValueChangeListener(e -> showView());
        matrixView.addClassName("resource-matrix");
        matrixPoint.setLabel("Point");
        matrixPoint.setWidth("min(30em, 100%)");
        matrixPoint.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                showMatrix(e.getValue());
            }
        });
        matrixCaption.addClassName("resource-matrix-caption");
        matrixCaption.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        matrix.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        matrix.setAllRowsVisible(true);
        matrixView.add(matrixPoint, matrixCaption, matrix);
        add(summary, view, metrics, grid, matrixView);
        setVisible(false);
    }

    /** Shows the metrics table or the subnet × resource matrix. */
    private void showView() {
        boolean m = MATRIX_VIEW.equals(view.getValue()) && view.isVisible();
        metrics.setVisible(!m);
        grid.setVisible(!m);
        matrixView.setVisible(m);
    }

    private void showMatrix(int point) {
        matrix.removeAllColumns();
        shownMatrix = output == null || point >= output.points().size() ? null
                : ResourceMatrix.of(output.points().get(point).metrics()).orElse(null);
        if (shownMatrix == null) {
            matrix.setItems(List.of());
            return;
        }
        ResourceMatrix mx = shownMatrix;
        matrix.addColumn(i -> mx.subnets().get(i)).setHeader("Subnet").setAutoWidth(true).setFrozen(true);
        for (int j = 0; j < mx.resources().size(); j++) {
            int col = j;
            matrix.addColumn(i -> cell(mx.cells().get(i).get(col))).setHeader("share of " + mx.resources().get(j))
                    .setAutoWidth(true).setClassNameGenerator(i -> "metric-value");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < mx.subnets().size(); i++) {
            rows.add(i);
        }
        matrix.setItems(rows);
    }

    void show(ExperimentOutput o) {
        this.output = o;
        setVisible(o != null);
        if (o == null) {
            return;
        }
        summary.setText((ExperimentOutput.COMPLETED.equals(o.status()) ? "Results of the last complete run: " : "Results of the last run: ")
                + o.status().toLowerCase(Locale.ROOT) + ", " + o.doneRuns() + " / "
                + o.totalRuns() + " runs" + (o.failedRuns() > 0 ? " (" + o.failedRuns() + " failed)" : "")
                + (o.finishedAt() == null ? "" : ", " + WHEN.format(o.finishedAt()))
                + (o.engine() == null ? "" : ", " + o.engine()) + ". Each cell: mean ± 95% CI half-width (n).");
        metrics.setItems(o.metrics());
        Set<String> chosen = defaults(o.metrics(), marketRun(o));
        metrics.setValue(chosen);
        grid.setItems(o.points());
        columns(chosen);
        boolean hasMatrix = ResourceMatrix.available(o.metrics()) && !o.points().isEmpty();
        view.setVisible(hasMatrix);
        if (hasMatrix) {
            List<String> names = NotebookAnalysis.pointLabels(o);
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                idx.add(i);
            }
            matrixPoint.setItems(idx);
            matrixPoint.setItemLabelGenerator(i -> names.get(i));
            matrixPoint.setVisible(idx.size() > 1);
            matrixCaption.setText(MATRIX_CAPTION);
            matrixPoint.setValue(0);
            showMatrix(0);
        }
        showView();
    }

    /** Whether a run of the output had alpha pools (PRICE_EMA or FLOW): some subnet's pool TAO is above 0. */
    static boolean marketRun(ExperimentOutput o) {
        return o.points().stream().flatMap(p -> p.metrics().entrySet().stream())
                .anyMatch(e -> FlatKey.subnetMean(e.getKey()).orElse(null) == SubnetMetric.POOL_TAO
                        && e.getValue() != null && e.getValue().mean() > 0);
    }

    /**
     * The metrics shown first: the concentration metrics, and under a market rule each subnet's share of network
     * emission before them (prices decide it, so it is the first answer there).
     */
    static Set<String> defaults(List<String> all, boolean market) {
        Set<String> chosen = new LinkedHashSet<>();
        if (market) {
            all.stream().filter(m -> FlatKey.subnetMean(m).orElse(null) == SubnetMetric.EMISSION_SHARE)
                    .forEach(chosen::add);
        }
        for (String key : FIRST) {
            all.stream().filter(m -> meanOf(m, key)).forEach(chosen::add);
        }
        List<String> list = new ArrayList<>(chosen);
        return new LinkedHashSet<>(list.subList(0, Math.min(8, list.size())));
    }

    /** True when flat key m holds the last-quarter mean of output {@code key} (of a subnet or the network). */
    private static boolean meanOf(String m, String key) {
        return FlatKey.tryParse(m).filter(k -> !k.finalValue() && k.key().equals(key)).isPresent();
    }

    private void columns(Set<String> chosen) {
        grid.removeAllColumns();
        if (output == null) {
            return;
        }
        // the swept parameters first: they are what the rows differ by
        List<String> params = output.points().stream().flatMap(p -> p.parameters().keySet().stream()).distinct().toList();
        for (String path : params) {
            grid.addColumn(p -> p.parameters().getOrDefault(path, "")).setHeader(parameterHeader(path))
                    .setAutoWidth(true).setFrozen(true).setClassNameGenerator(p -> "swept-value");
        }
        if (output.points().stream().map(PointResult::scenario).distinct().count() > 1) {
            grid.addColumn(PointResult::scenario).setHeader("Scenario").setAutoWidth(true).setFrozen(true);
        }
        for (String m : output.metrics()) {
            if (chosen.contains(m)) {
                grid.addColumn(p -> cell(p.metrics().get(m))).setHeader(header(m)).setAutoWidth(true)
                        .setClassNameGenerator(p -> "metric-value");
            }
        }
    }

    /** The swept parameter's name for people (its subnet, section and label), its path beneath. */
    private Div parameterHeader(String path) {
        String bare = path.replaceFirst("^\\$\\.", "");
        String human = parameterLabel.apply(path);
        return twoLineHeader(human == null || human.isBlank() ? bare : human, bare);
    }

    /** How swept parameters are named (the editor knows the scenario); by default, by their path. */
    void setParameterLabels(Function<String, String> labels) {
        this.parameterLabel = labels;
    }

    /** A metric's column header: its label for people, and the key (what charts and filters name) under it. */
    static Div header(String key) {
        return twoLineHeader(MetricLabels.of(key), key);
    }

    /** A column header: {@code label}, and {@code key} in small type beneath unless they are the same; key as title. */
    private static Div twoLineHeader(String label, String key) {
        Span l = new Span(label);
        l.addClassName("metric-label");
        Div h = new Div(l);
        if (!label.equals(key)) {
            Span k = new Span(key);
            k.addClassName("metric-key");
            k.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xxs)")
                    .set("color", "var(--lumo-secondary-text-color)");
            h.add(k);
        }
        h.getElement().setAttribute("title", key);
        return h;
    }

    /** "0.412 ± 0.031 (5)"; "–" where undefined. */
    static String cell(MetricSummary s) {
        return s == null ? "–" : s.text();
    }

    static String format(double v) {
        return MetricSummary.number(v);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
