package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.ExperimentOutput.MetricSummary;
import io.incentivelab.notebook.ExperimentOutput.PointResult;
import io.incentivelab.simulation.RunSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The results of an experiment: one row per sweep point (its scenario and swept values), one column per
 * chosen metric showing the mean ± the half-width of its 95% confidence interval, with n. The concentration
 * metrics are shown first; any metric can be added.
 */
class ResultsTable extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> FIRST = List.of("giniEmission", "top1Share", "nakamotoEmission", "hhiEmission",
            "crossSubnetHhi");

    private final Span summary = new Span();
    private final MultiSelectComboBox<String> metrics = new MultiSelectComboBox<>("Metrics shown");
    private final Grid<PointResult> grid = new Grid<>();
    private ExperimentOutput output;

    ResultsTable() {
        addClassName("results-table");
        setWidthFull();
        summary.addClassName("results-summary");
        metrics.setWidth("min(60em, 100%)");
        metrics.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                columns(e.getValue());
            }
        });
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        add(summary, metrics, grid);
        setVisible(false);
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
        Set<String> chosen = defaults(o.metrics());
        metrics.setValue(chosen);
        grid.setItems(o.points());
        columns(chosen);
    }

    private static Set<String> defaults(List<String> all) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String key : FIRST) {
            all.stream().filter(m -> m.endsWith("." + key) && !RunSummary.isFinalKey(m)).forEach(chosen::add);
        }
        List<String> list = new ArrayList<>(chosen);
        return new LinkedHashSet<>(list.subList(0, Math.min(8, list.size())));
    }

    private void columns(Set<String> chosen) {
        grid.removeAllColumns();
        if (output == null) {
            return;
        }
        if (output.points().stream().map(PointResult::scenario).distinct().count() > 1) {
            grid.addColumn(PointResult::scenario).setHeader("Scenario").setAutoWidth(true).setFrozen(true);
        }
        List<String> params = output.points().stream().flatMap(p -> p.parameters().keySet().stream()).distinct().toList();
        for (String path : params) {
            grid.addColumn(p -> p.parameters().getOrDefault(path, "")).setHeader(path.replaceFirst("^\\$\\.", ""))
                    .setAutoWidth(true).setFrozen(true);
        }
        for (String m : output.metrics()) {
            if (chosen.contains(m)) {
                grid.addColumn(p -> cell(p.metrics().get(m))).setHeader(m).setAutoWidth(true)
                        .setClassNameGenerator(p -> "metric-value");
            }
        }
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
