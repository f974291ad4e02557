package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.incentivelab.notebook.ChartCell;
import io.incentivelab.notebook.ChartOutput;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.MetricLabels;
import io.incentivelab.notebook.NotebookAnalysis;
import io.incentivelab.notebook.chart.ChartOptions;
import io.incentivelab.notebook.ui.chart.EChart;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A chart cell: which experiment, the kind of chart, the metric and the sweep points; Draw, Download PNG, and
 * the chart itself ({@link EChart}). Knows no services: fires {@link CellEditor.ChangedEvent} and, to draw,
 * {@link CellEditor.RunRequestedEvent}.
 */
class ChartCellEditor extends CellEditor<ChartCell> {

    private static final Map<String, String> KIND_NAMES = Map.of("TIME_SERIES", "Over time (mean, 95% band)",
            "LORENZ", "Lorenz curve", "RESOURCES", "Resources or emission share by subnet (stacked)", "SWEEP", "Across the sweep (error bars / heat map)",
            "MATRIX", "Subnet × resource shares (heat map)");

    private final TextField label = new TextField("Heading");
    private final ExperimentPicker experiment = new ExperimentPicker();
    private final Select<String> kind = new Select<>();
    private final ComboBox<String> metric = new ComboBox<>("Metric");
    private final MultiSelectComboBox<Integer> points = new MultiSelectComboBox<>("Points");
    private final Button draw = new Button("Draw", VaadinIcon.PLAY.create());
    private final Button png = new Button("Download PNG", VaadinIcon.DOWNLOAD.create());
    private final Span message = new Span();
    private final EChart chart = new EChart();
    private ExperimentOutput source;
    private boolean showing;
    private boolean readOnly;

    ChartCellEditor(ChartCell cell) {
        super(cell, "chart-cell");
        add(configureInputs(), configureBar(), chart);
        chart.setWidthFull();
        chart.setVisible(false);
        showInputs();
    }

    private Component configureInputs() {
        label.setValueChangeMode(ValueChangeMode.TIMEOUT);
        label.setValueChangeTimeout(500);
        kind.setLabel("Chart");
        kind.setItems(ChartCell.KINDS);
        kind.setItemLabelGenerator(k -> KIND_NAMES.getOrDefault(k, k));
        metric.setWidth("22em");
        metric.setAllowCustomValue(true);
        metric.setItemLabelGenerator(MetricLabels::withKey);
        metric.addCustomValueSetListener(e -> metric.setValue(e.getDetail()));
        points.setItemLabelGenerator(experiment::pointName);
        points.setWidth("22em");
        points.setHelperText("empty: the first " + 4);
        label.addValueChangeListener(e -> edited(e.isFromClient(), () -> new ChartCell(cell().id(), e.getValue(),
                cell().experimentCellId(), cell().kind(), cell().metric(), cell().points())));
        experiment.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null,
                () -> cell().withExperimentCellId(e.getValue())));
        kind.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null, () -> {
            List<String> m = NotebookAnalysis.metricsFor(e.getValue(), source);
            String keep = m.contains(cell().metric()) ? cell().metric() : m.stream().filter(x -> x.contains("gini")).findFirst()
                    .orElse(m.isEmpty() ? "" : m.get(0));
            return cell().withKind(e.getValue()).withMetric(keep);
        }));
        metric.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null, () -> cell().withMetric(e.getValue())));
        points.addValueChangeListener(e -> edited(e.isFromClient(), () -> cell().withPoints(e.getValue().stream().sorted().toList())));
        return inputRow(label, experiment, kind, metric, points);
    }

    private Component configureBar() {
        png.addClickListener(e -> chart.downloadPng(fileName()));
        png.setEnabled(false);
        message.addClassName("cell-message");
        return runBar(draw, png, message);
    }

    private String fileName() {
        String base = (cell().label().isBlank() ? cell().metric() : cell().label()).replaceAll("[^A-Za-z0-9._-]+", "-");
        return (base.isBlank() ? "chart" : base) + ".png";
    }

    private void edited(boolean fromUser, Supplier<ChartCell> next) {
        if (!fromUser || showing) {
            return;
        }
        setCell(next.get());
        showInputs();
        fireChanged();
    }

    /** The experiment cells to choose from and the output of the chosen one (null before it ran). */
    void setSources(List<ExperimentCell> experiments, ExperimentOutput chosenOutput) {
        experiment.setSources(experiments, chosenOutput);
        this.source = chosenOutput;
        showInputs();
        if (!readOnly && cell().metric().isBlank() && chosenOutput != null) {
            List<String> m = NotebookAnalysis.metricsFor(cell().kind(), chosenOutput);
            m.stream().filter(x -> x.contains("giniEmission") || x.contains("lorenzEmission")).findFirst()
                    .or(() -> m.stream().findFirst()).ifPresent(first -> {
                        setCell(cell().withMetric(first));
                        showInputs();
                        fireChanged();
                    });
        }
    }

    private void showInputs() {
        showing = true;
        try {
            label.setValue(cell().label());
            experiment.show(cell().experimentCellId());
            kind.setValue(cell().kind());
            Set<String> metrics = new LinkedHashSet<>(NotebookAnalysis.metricsFor(cell().kind(), source));
            if (!cell().metric().isBlank()) {
                metrics.add(cell().metric());
            }
            metric.setItems(new ArrayList<>(metrics));
            metric.setValue(cell().metric().isBlank() ? null : cell().metric());
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < experiment.pointCount(); i++) {
                all.add(i);
            }
            cell().points().stream().filter(i -> !all.contains(i)).forEach(all::add);
            points.setItems(all);
            points.setValue(new LinkedHashSet<>(cell().points()));
            points.setEnabled(!cell().kind().equals("SWEEP"));
        } finally {
            showing = false;
        }
    }

    /** Shows a drawn chart. */
    void showOutput(ChartOutput output) {
        // an option drawn before charts had one palette and CI tooltips is shown as one drawn now
        chart.setOption(ChartOptions.upgrade(output.optionObject()).toString());
        chart.setVisible(true);
        png.setEnabled(true);
        message.setText(output.dataPoints() + " data points");
    }

    /** Shows why the chart cannot be drawn (or that it is being drawn). */
    void showMessage(String text) {
        message.setText(text);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        readOnly(readOnly, label, experiment, kind, metric, points);
        draw.setVisible(!readOnly);
    }

    @Override
    protected void showCell() {
        showInputs();
    }

}
