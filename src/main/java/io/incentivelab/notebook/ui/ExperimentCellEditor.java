package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.incentivelab.experiment.ExperimentProgress;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.experiment.Sensitivity;
import io.incentivelab.experiment.SensitivityAnalysis;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NotebookProblem;
import io.incentivelab.notebook.ResultWarnings;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.notebook.ScenarioFields;
import io.incentivelab.notebook.ScenarioFields.FieldInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An experiment: which scenario cells, sweep axes, replicates and seed; the cost preview; Run and Cancel; a
 * progress bar with the ETA; the results table. It knows no services: it fires {@link CellEditor.RunRequestedEvent} and
 * {@link CancelEvent}, and is told the preview, the progress and the output.
 */
class ExperimentCellEditor extends CellEditor<ExperimentCell> {

    private final TextField label = new TextField("Label");
    private final CheckboxGroup<ScenarioCell> scenarios = new CheckboxGroup<>("Scenarios");
    private final Select<Enum<?>> combine = new Select<>();
    private final Div axes = new Div();
    private final Button addAxis = new Button("Add sweep axis", VaadinIcon.PLUS.create());
    private final TextField replicates = new TextField("Replicates");
    private final ComboBox<String> metric = new ComboBox<>("Metric to explain");
    private final TextField samples = new TextField("Samples");
    private final SensitivityView sensitivityView = new SensitivityView();
    private Function<ExperimentOutput, SensitivityAnalysis.Result> analyser;
    private final TextField seed = new TextField("Seed");
    private final Div preview = new Div();
    private final Button run = new Button("Run", VaadinIcon.PLAY.create());
    private final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    private final Span runBlocked = new Span();
    /** Why Run is disabled (a bad input here, or the check's problems); null when it may run. */
    private String inputProblem;
    private String checkProblem;
    private ExperimentOutput output;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final ResultsTable results = new ResultsTable();
    private final Div warnings = new Div();
    private final List<SweepAxisRow> axisRows = new ArrayList<>();
    private List<ScenarioCell> available = List.of();
    private boolean showing;
    private boolean running;
    private boolean readOnly;

    ExperimentCellEditor(ExperimentCell cell, List<ScenarioCell> scenarioCells) {
        super(cell, "experiment-cell");
        warnings.addClassName("result-warnings");
        warnings.getStyle().set("background", "var(--lumo-warning-color-10pct, #fff4e0)")
                .set("border-left", "3px solid var(--lumo-warning-color, #c77700)").set("padding", "0 var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-s) 0").set("font-size", "var(--lumo-font-size-s)");
        warnings.setVisible(false);
        add(configureInputs(), axes, addAxis, preview, configureRunBar(), warnings, sensitivityView, results);
        setScenarioCells(scenarioCells);
        showInputs();
    }

    private Component configureInputs() {
        scenarios.setItemLabelGenerator(ScenarioCell::displayName);
        combine.setLabel("Combine axes");
        combine.setItems(ExperimentCell.DESIGNS);
        combine.setItemLabelGenerator(Enum::name);
        combine.setHelperText("GRID: every combination; ZIP: i-th values together; SALTELLI, MORRIS: which"
                + " parameter matters (each axis is a parameter over From–To)");
        metric.setAllowCustomValue(true);
        metric.setWidth("22em");
        metric.setHelperText("a result key, e.g. speed.giniEmission");
        metric.addCustomValueSetListener(e -> {
            metric.setValue(e.getDetail());
            edited(true, () -> cell().withMetric(e.getDetail().strip()));
        });
        metric.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue() != null,
                () -> cell().withMetric(e.getValue().strip())));
        samples.setWidth("10em");
        samples.getElement().setAttribute("inputmode", "numeric");
        samples.addValueChangeListener(e -> {
            if (!e.isFromClient() || showing) {
                return;
            }
            String t = e.getValue().strip();
            boolean ok = t.matches("\\d{1,6}") && Integer.parseInt(t) >= 2 && Integer.parseInt(t) <= 100_000;
            samples.setInvalid(!ok);
            samples.setErrorMessage(ok ? null : "must be a whole number from 2 to 100000");
            inputProblem = ok ? null : "Samples must be a whole number from 2 to 100000";
            updateRun();
            if (ok) {
                edited(true, () -> cell().withSamples(Integer.parseInt(t)));
            }
        });
        replicates.setHelperText("runs per sweep point, 1 – " + ExperimentCell.MAX_REPLICATES);
        replicates.getElement().setAttribute("inputmode", "numeric");
        replicates.setWidth("10em");
        seed.setAllowedCharPattern("[-0-9]");
        seed.setHelperText("base seed; runs derive theirs from it");
        label.addValueChangeListener(e -> edited(e.isFromClient(), () -> cell().withLabel(e.getValue())));
        scenarios.addValueChangeListener(e -> edited(e.isFromClient(), () -> cell().withScenarioCellIds(
                available.stream().filter(e.getValue()::contains).map(ScenarioCell::id).toList())));
        combine.addValueChangeListener(e -> {
            edited(e.isFromClient(), () -> cell().withDesign(e.getValue()));
            showStudyInputs();
        });
        replicates.addValueChangeListener(e -> {
            if (!e.isFromClient() || showing) {
                return;
            }
            Integer n = replicates(e.getValue());
            replicates.setInvalid(n == null);
            replicates.setErrorMessage(n == null ? "must be a whole number from 1 to " + ExperimentCell.MAX_REPLICATES : null);
            inputProblem = n == null ? "Replicates must be a whole number from 1 to " + ExperimentCell.MAX_REPLICATES : null;
            updateRun();
            if (n != null) {
                edited(true, () -> cell().withReplicates(n));
            }
        });
        seed.addValueChangeListener(e -> edited(e.isFromClient() && e.getValue().matches("-?\\d{1,18}"),
                () -> cell().withSeed(Long.parseLong(e.getValue()))));
        addAxis.addThemeVariants(ButtonVariant.LUMO_SMALL);
        addAxis.addClickListener(e -> {
            List<Axis> next = new ArrayList<>(cell().axes());
            // a study's parameter is a number over a range; a sweep axis starts as a list
            next.add(cell().sensitivity() ? new Axis("", AxisKind.RANGE, List.of(), null, null, 2, false)
                    : Axis.list("", List.of()));
            setCell(cell().withAxes(next));
            showAxes();
            fireChanged();
        });
        preview.addClassName("cost-preview");
        return inputRow(label, scenarios, combine, metric, samples, replicates, seed);
    }

    /** The typed number of replicates, or null if it is not a whole number within the limit. */
    static Integer replicates(String text) {
        String t = text.strip();
        if (!t.matches("\\d{1,9}")) {
            return null;
        }
        int n = Integer.parseInt(t);
        return n >= 1 && n <= ExperimentCell.MAX_REPLICATES ? n : null;
    }

    /** Run is enabled unless the cell runs, is read-only, or cannot run yet — then the reason is beside it. */
    private void updateRun() {
        String reason = inputProblem != null ? inputProblem : checkProblem;
        run.setEnabled(!running && !readOnly && reason == null);
        run.setTooltipText(reason);
        runBlocked.setText(running || readOnly || reason == null ? "" : "Run is disabled: " + reason);
        runBlocked.setVisible(!running && !readOnly && reason != null);
    }

    private Component configureRunBar() {
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        cancel.setVisible(false);
        progress.setWidth("16em");
        progress.setVisible(false);
        progress.addClassName("run-progress");
        progressText.addClassName("run-progress-text");
        runBlocked.addClassName("run-blocked");
        runBlocked.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        runBlocked.setVisible(false);
        return runBar(run, cancel, runBlocked, progress, progressText);
    }

    private void edited(boolean fromUser, Supplier<ExperimentCell> next) {
        if (!fromUser || showing) {
            return;
        }
        setCell(next.get());
        if (cell().scenarioCellIds().size() > 0) {
            showAxes();
        }
        fireChanged();
    }

    private void showInputs() {
        showing = true;
        label.setValue(cell().label());
        scenarios.setValue(new LinkedHashSet<>(available.stream().filter(s -> cell().scenarioCellIds().contains(s.id())).toList()));
        combine.setValue(cell().design());
        replicates.setValue(Integer.toString(cell().replicates()));
        replicates.setInvalid(false);
        inputProblem = null;
        seed.setValue(Long.toString(cell().seed()));
        metric.setItems(metricSuggestions());
        metric.setValue(cell().metric().isBlank() ? null : cell().metric());
        samples.setValue(Integer.toString(cell().samples()));
        samples.setInvalid(false);
        showing = false;
        showStudyInputs();
        showAxes();
    }

    /** The metric and samples fields belong to a sensitivity study only; their help follows the method. */
    private void showStudyInputs() {
        boolean study = cell().sensitivity();
        metric.setVisible(study);
        samples.setVisible(study);
        samples.setHelperText(cell().method() == Sensitivity.Method.SALTELLI ? "base sample N: N·(k+2) points"
                : "trajectories r: r·(k+1) points");
        addAxis.setText(study ? "Add parameter" : "Add sweep axis");
        axisRows.forEach(r -> r.setStudy(study));
        if (!study) {
            sensitivityView.show(null);
        }
    }

    /** Likely metrics to explain: the concentration metrics of each subnet of the first scenario, and the network's. */
    private List<String> metricSuggestions() {
        List<String> out = new ArrayList<>();
        ScenarioCell base = baseScenario();
        if (base != null && base.scenario().path("subnets").isArray()) {
            for (var sub : base.scenario().get("subnets")) {
                String name = sub.path("name").asText("");
                if (!name.isBlank()) {
                    for (String k : List.of("giniEmission", "top1Share", "nakamotoEmission", "hhiEmission",
                            "emissionShare", "cheaterEmissionShare", "copierEmissionShare")) {
                        out.add(name + "." + k);
                    }
                }
            }
        }
        out.addAll(List.of("network.crossSubnetHhi", "network.giniOperatorEmission", "network.cheaterEmissionShare"));
        if (!cell().metric().isBlank() && !out.contains(cell().metric())) {
            out.add(0, cell().metric());
        }
        return out;
    }

    /** How the results of a sensitivity study become indices (the presenter knows the notebook). */
    void setSensitivityAnalyser(Function<ExperimentOutput, SensitivityAnalysis.Result> analyser) {
        this.analyser = analyser;
        if (output != null) {
            showSensitivity();
        }
    }

    private void showSensitivity() {
        if (!cell().sensitivity() || analyser == null || output == null) {
            sensitivityView.show(null);
            return;
        }
        try {
            sensitivityView.show(analyser.apply(output));
        } catch (RuntimeException e) {
            // the inputs changed since the run and no longer make a study: the table stays, the ranking goes
            sensitivityView.show(null);
        }
    }

    private void showAxes() {
        axes.removeAll();
        axisRows.clear();
        List<FieldInfo> fields = sweepableFields();
        ScenarioCell baseCell = baseScenario();
        ObjectNode base = baseCell == null ? null : baseCell.scenario();
        for (int i = 0; i < cell().axes().size(); i++) {
            int index = i;
            SweepAxisRow row = new SweepAxisRow(cell().axes().get(i), fields, base, axis -> {
                List<Axis> next = new ArrayList<>(cell().axes());
                next.set(index, axis);
                setCell(cell().withAxes(next));
                fireChanged();
            }, () -> {
                List<Axis> next = new ArrayList<>(cell().axes());
                next.remove(index);
                setCell(cell().withAxes(next));
                showAxes();
                fireChanged();
            });
            row.setReadOnly(readOnly);
            row.setStudy(cell().sensitivity());
            axisRows.add(row);
            axes.add(row);
        }
    }

    /** The fields of the first chosen scenario (or the first scenario cell) that may be swept. */
    private List<FieldInfo> sweepableFields() {
        ScenarioCell base = baseScenario();
        return base == null ? List.of() : ScenarioFields.sweepable(base.scenario());
    }

    /** A swept path's name for people, "speed: Reward curve › Alpha", from the first scenario; null if unknown. */
    private String parameterLabel(String path) {
        ScenarioCell base = baseScenario();
        if (base == null) {
            return null;
        }
        return ScenarioFields.sweepable(base.scenario()).stream().filter(f -> f.path().equals(path)).findFirst()
                .map(f -> {
                    String label = ScenarioFields.sweepLabel(base.scenario(), f);
                    int dash = label.lastIndexOf(" — ");
                    return dash > 0 ? label.substring(0, dash) : label;
                }).orElse(null);
    }

    private ScenarioCell baseScenario() {
        return available.stream().filter(s -> cell().scenarioCellIds().contains(s.id())).findFirst()
                .orElse(available.isEmpty() ? null : available.get(0));
    }

    /** The scenario cells of the notebook changed (added, renamed, removed). */
    void setScenarioCells(List<ScenarioCell> cells) {
        this.available = List.copyOf(cells);
        showing = true;
        scenarios.setItems(available);
        scenarios.setValue(new LinkedHashSet<>(available.stream().filter(s -> cell().scenarioCellIds().contains(s.id())).toList()));
        showing = false;
    }

    /** Shows the cost preview, or why the experiment cannot run. */
    void showPreview(String text, List<NotebookProblem> problems) {
        checkProblem = problems.isEmpty() ? null
                : problems.size() == 1 ? "fix " + problems.get(0).path() + " first (see above)" : "fix the " + problems.size() + " problems above first";
        updateRun();
        preview.removeAll();
        preview.getElement().setAttribute("data-ok", String.valueOf(problems.isEmpty()));
        if (problems.isEmpty()) {
            preview.add(new Span(text));
            return;
        }
        preview.add(new Span("Cannot run yet:"));
        UnorderedList list = new UnorderedList();
        problems.stream().limit(10).forEach(p -> list.add(new ListItem(p.path() + ": " + p.message())));
        preview.add(list);
    }

    /** Shows an experiment's progress (called under the UI lock). */
    void showProgress(ExperimentProgress p) {
        running = !p.status().terminal();
        updateRun();
        cancel.setVisible(running && !readOnly);
        progress.setVisible(true);
        progress.setValue(Math.min(1, Math.max(0, p.fraction())));
        String eta = p.etaSeconds() == null ? "" : " · about " + ResultsTable.duration(p.etaSeconds()) + " left";
        progressText.setText(switch (p.status()) {
            case QUEUED -> "Queued · " + p.total() + " runs";
            case RUNNING -> p.done() + " / " + p.total() + " runs" + eta;
            case COMPLETED -> "Completed · " + p.done() + " / " + p.total() + " runs" + (p.failed() > 0 ? ", " + p.failed() + " failed" : "");
            case CANCELLED -> "Cancelled · " + p.done() + " / " + p.total() + " runs finished";
            case FAILED -> "Failed: " + (p.message() == null ? "every run failed" : p.message());
        });
        progressText.getElement().setAttribute("data-status", p.status().name());
    }

    /** Shows the stored results of the last run, with a warning for each sign that an incentive failed. */
    void showOutput(ExperimentOutput output) {
        this.output = output;
        results.setParameterLabels(this::parameterLabel);
        results.show(output);
        warnings.removeAll();
        List<ResultWarnings.Warning> found = ResultWarnings.of(output, ResultWarnings.minerShares(available));
        warnings.setVisible(!found.isEmpty());
        warnings.getElement().setAttribute("data-count", String.valueOf(found.size()));
        UnorderedList list = new UnorderedList();
        for (ResultWarnings.Warning w : found) {
            ListItem item = new ListItem("⚠ " + w.text());
            item.getElement().setAttribute("data-kind", w.kind());
            list.add(item);
        }
        warnings.add(list);
        showSensitivity();
    }

    /** The results on screen, or null. */
    ExperimentOutput output() {
        return output;
    }

    /** Run (button or Shift+Enter): asks the notebook to start the experiment. */
    @Override
    public void run() {
        if (!running && !readOnly && inputProblem == null && checkProblem == null) {
            requestRun();
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        readOnly(readOnly, label, scenarios, combine, replicates, seed);
        addAxis.setVisible(!readOnly);
        run.setVisible(!readOnly);
        cancel.setVisible(false);
        updateRun();
        axisRows.forEach(r -> r.setReadOnly(readOnly));
    }

    @Override
    protected void showCell() {
        showInputs();
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> l) {
        return addListener(CancelEvent.class, l);
    }

    /** The user asked to stop the running experiment. */
    static class CancelEvent extends ComponentEvent<ExperimentCellEditor> {
        CancelEvent(ExperimentCellEditor source) {
            super(source, false);
        }
    }
}
