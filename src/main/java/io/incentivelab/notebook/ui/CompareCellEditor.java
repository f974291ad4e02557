package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.CompareSummaries;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.MetricLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A compare cell: an experiment and two of its points; shows each metric's mean ± 95% CI for both, the
 * difference, Welch and Mann–Whitney p-values, Hedges' g, and the scenario parameters that differ.
 * Knows no services: fires {@link CellEditor.ChangedEvent} and, to compare, {@link CellEditor.RunRequestedEvent}.
 */
class CompareCellEditor extends CellEditor<CompareCell> {

    private final TextField label = new TextField("Heading");
    private final ExperimentPicker experiment = new ExperimentPicker();
    private final Select<Integer> pointA = new Select<>();
    private final Select<Integer> pointB = new Select<>();
    private final TextField filter = new TextField("Metrics containing");
    private final Button compare = new Button("Compare", VaadinIcon.PLAY.create());
    private final Span message = new Span();
    private final Span heading = new Span();
    private final Grid<CompareOutput.Row> rows = new Grid<>();
    private final H4 paramsTitle = new H4("Parameters that differ");
    private final Grid<CompareOutput.ParameterDiff> params = new Grid<>();
    private boolean showing;

    CompareCellEditor(CompareCell cell) {
        super(cell, "compare-cell");
        configureGrids();
        add(configureInputs(), configureBar(), heading, rows, paramsTitle, params);
        showInputs();
    }

    private Component configureInputs() {
        pointA.setLabel("A");
        pointB.setLabel("B");
        pointA.setItemLabelGenerator(experiment::pointName);
        pointB.setItemLabelGenerator(experiment::pointName);
        pointA.setWidth("20em");
        pointB.setWidth("20em");
        filter.setValueChangeMode(ValueChangeMode.TIMEOUT);
        filter.setValueChangeTimeout(500);
        filter.setPlaceholder("e.g. giniEmission");
        label.addClassName("compare-heading-field");
        label.setValueChangeMode(ValueChangeMode.TIMEOUT);
        label.setValueChangeTimeout(500);
        label.setPlaceholder("e.g. Winner-take-all vs proportional");
        label.addValueChangeListener(e -> edited(e.isFromClient(), () -> new CompareCell(cell().id(), e.getValue(),
                cell().experimentCellId(), cell().pointA(), cell().pointB(), cell().filter())));
        experiment.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null,
                () -> cell().withExperimentCellId(e.getValue())));
        pointA.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null,
                () -> cell().withPoints(e.getValue(), cell().pointB())));
        pointB.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null,
                () -> cell().withPoints(cell().pointA(), e.getValue())));
        filter.addValueChangeListener(e -> edited(e.isFromClient(), () -> cell().withFilter(e.getValue())));
        return inputRow(label, experiment, pointA, pointB, filter);
    }

    private Component configureBar() {
        message.addClassName("cell-message");
        return runBar(compare, message);
    }

    private void configureGrids() {
        rows.addClassName("compare-table");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rows.setAllRowsVisible(false);
        rows.setHeight("24em");
        rows.addColumn(r -> MetricLabels.of(r.metric())).setHeader("Metric").setAutoWidth(true).setFrozen(true).setResizable(true);
        rows.addColumn(CompareOutput.Row::metric).setHeader("Key").setAutoWidth(true).setResizable(true)
                .setClassNameGenerator(r -> "metric-key");
        rows.addColumn(r -> meanCi(r.meanA(), r.lowA(), r.highA())).setHeader("A: mean ± 95% CI").setAutoWidth(true);
        rows.addColumn(r -> meanCi(r.meanB(), r.lowB(), r.highB())).setHeader("B: mean ± 95% CI").setAutoWidth(true);
        rows.addColumn(r -> num(r.difference())).setHeader("A − B").setAutoWidth(true);
        rows.addColumn(CompareSummaries::welch).setHeader("Welch p").setAutoWidth(true);
        rows.addColumn(CompareSummaries::mannWhitney).setHeader("Mann–Whitney p").setAutoWidth(true);
        rows.addColumn(CompareSummaries::hedges).setHeader("Hedges g").setAutoWidth(true);
        rows.addColumn(r -> r.nA() + " / " + r.nB()).setHeader("n").setAutoWidth(true);
        rows.setVisible(false);
        params.addClassName("parameter-diff");
        params.addThemeVariants(GridVariant.LUMO_COMPACT);
        params.setAllRowsVisible(true);
        params.addColumn(CompareOutput.ParameterDiff::path).setHeader("Field").setAutoWidth(true);
        params.addColumn(d -> d.a() == null ? "—" : d.a()).setHeader("A").setAutoWidth(true);
        params.addColumn(d -> d.b() == null ? "—" : d.b()).setHeader("B").setAutoWidth(true);
        params.setVisible(false);
        paramsTitle.setVisible(false);
    }

    private static String meanCi(double mean, double low, double high) {
        return CompareSummaries.meanCi(mean, low, high);
    }

    private static String num(double v) {
        return CompareSummaries.num(v);
    }


    private void edited(boolean fromUser, Supplier<CompareCell> next) {
        if (!fromUser || showing) {
            return;
        }
        setCell(next.get());
        fireChanged();
    }

    /** The experiment cells to choose from and the output of the chosen one (null before it ran). */
    void setSources(List<ExperimentCell> experiments, ExperimentOutput chosenOutput) {
        experiment.setSources(experiments, chosenOutput);
        showInputs();
    }

    private void showInputs() {
        showing = true;
        try {
            experiment.show(cell().experimentCellId());
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < Math.max(experiment.pointCount(), Math.max(cell().pointA(), cell().pointB()) + 1); i++) {
                all.add(i);
            }
            pointA.setItems(all);
            pointB.setItems(all);
            pointA.setValue(cell().pointA());
            pointB.setValue(cell().pointB());
            filter.setValue(cell().filter());
            label.setValue(cell().label());
        } finally {
            showing = false;
        }
    }

    void showOutput(CompareOutput output) {
        heading.setText("A = " + output.labelA() + "   B = " + output.labelB());
        heading.addClassName("compare-heading");
        rows.setItems(output.rows());
        rows.setVisible(true);
        params.setItems(output.parameters());
        params.setVisible(!output.parameters().isEmpty());
        paramsTitle.setVisible(!output.parameters().isEmpty());
        message.setText(output.rows().size() + " metrics compared");
    }

    void showMessage(String text) {
        message.setText(text);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        readOnly(readOnly, label, experiment, pointA, pointB, filter);
        compare.setVisible(!readOnly);
    }

    @Override
    protected void showCell() {
        showInputs();
    }
}
