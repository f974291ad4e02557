package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.incentivelab.notebook.ScenarioCell;
import io.incentivelab.notebook.ScenarioFields;
import io.incentivelab.notebook.ScenarioFields.Kind;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A scenario: a compact summary (name, horizon, one line per subnet) and, collapsed until the user opens it,
 * the forms — its name and question, the network, a grid of subnets with the selected subnet's form — and a
 * JSON view for power users (two-way: "Apply JSON" reads it back). The forms hold a component for every field
 * of the format, so they are built only when first opened: a notebook opens quickly however many scenarios
 * it has. Every edit is checked by the scenario codec and each problem is shown beside its field (by JSON
 * path) once the form is open; other problems are listed above it. Presets replace the scenario with an
 * example's: over a scenario the user edited (one that is neither the new-scenario template nor a preset)
 * only after a confirmation, and either way with an Undo until the next edit.
 */
class ScenarioCellEditor extends CellEditor<ScenarioCell> {

    private final Map<String, String> presets;
    private final TextField label = new TextField("Label");
    private final Select<String> preset = new Select<>();
    private final Div status = new Div();
    private final Div undoBar = new Div();
    private final Div summary = new Div();
    private final Details editorDetails = new Details();
    private final Div formView = new Div();
    private final Div jsonView = new Div();
    private final TextArea json = new TextArea();
    private final Button applyJson = new Button("Apply JSON");
    private final Tabs tabs = new Tabs(new Tab("Form"), new Tab("JSON"));
    /** Null until the form is first opened. */
    private ScenarioFieldsPanel topFields;
    private SubnetsPanel subnets;
    private boolean built;
    private boolean readOnly;
    private ObjectNode tree;

    /** @param presets example scenarios: display name → scenario JSON text */
    ScenarioCellEditor(ScenarioCell cell, Map<String, String> presets) {
        super(cell, "scenario-cell");
        this.tree = cell.scenario();
        this.presets = presets;
        summary.addClassNames("scenario-summary", LumoUtility.FontSize.SMALL);
        editorDetails.addClassName("scenario-editor");
        editorDetails.setWidthFull();
        editorDetails.setSummaryText(summaryText());
        editorDetails.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                build();
            }
        });
        add(configureHeader(), status, summary, editorDetails);
        showSummary();
        validate();
    }

    /** Builds the form and JSON views (once): the first time the user opens the scenario's details. */
    private void build() {
        if (built) {
            return;
        }
        built = true;
        editorDetails.add(tabs, formView, jsonView);
        configureForm();
        configureJson();
        tabs.addSelectedChangeListener(e -> showTab(tabs.getSelectedIndex()));
        showTab(0);
        applyReadOnly();
        validate();
    }

    /** Opens the form (built on first open), as a click on "Edit the scenario" does. */
    @Override
    public void expand() {
        editorDetails.setOpened(true);
        build();
    }

    @Override
    public boolean expanded() {
        return editorDetails.isOpened();
    }

    private String summaryText() {
        return readOnly ? "Every field (form, JSON)" : "Edit the scenario (form, JSON)";
    }

    /** The compact read-only view: name, horizon, and one line per subnet. */
    private void showSummary() {
        summary.removeAll();
        JsonNode subnetsNode = tree.path("subnets");
        int n = subnetsNode.isArray() ? subnetsNode.size() : 0;
        JsonNode days = ScenarioFields.effective(tree, "$.network.horizonDays");
        summary.add(new Span(tree.path("name").asText("(no name)") + " — " + n + " subnet" + (n == 1 ? "" : "s")
                + (days == null || days.isNull() ? "" : ", " + days.asText() + " days")));
        UnorderedList lines = new UnorderedList();
        lines.addClassName("scenario-summary-subnets");
        for (int i = 0; i < n; i++) {
            lines.add(new ListItem(SubnetTexts.line(tree, i)));
        }
        summary.add(lines);
        summary.add(population(tree));
    }

    /**
     * Whether the operators move: with economics off the population is fixed, and where the hardware sits is the
     * placement rule's answer, not the incentive's (issue 20) — the summary says so.
     */
    static Span population(ObjectNode tree) {
        JsonNode on = ScenarioFields.effective(tree, "$.economics.enabled");
        boolean moving = on != null && on.asBoolean(false);
        Span p = new Span(moving ? "Moving population: operators enter, leave, reinvest and move with their profits."
                : "Fixed population (economics off): operators never enter, leave, reinvest or move, so where the"
                + " hardware sits comes from the placement rule, not from the incentive.");
        p.addClassName("scenario-population");
        p.getElement().setAttribute("data-moving", Boolean.toString(moving));
        p.getStyle().set("display", "block");
        return p;
    }

    private Component configureHeader() {
        label.setValue(cell().label());
        label.setPlaceholder("e.g. Two subnets, proportional");
        label.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        label.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setCell(cell().withLabel(e.getValue()));
                fireChanged();
            }
        });
        preset.setLabel("Start from a preset");
        preset.setItems(presets.keySet());
        preset.setPlaceholder("Example scenarios");
        preset.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                pickPreset(e.getValue());
            }
        });
        undoBar.addClassNames("preset-undo", LumoUtility.FontSize.SMALL);
        undoBar.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(label, preset, undoBar);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        status.addClassNames("scenario-status", LumoUtility.FontSize.SMALL);
        return header;
    }

    /** A preset was picked: replaces the scenario, after asking if the user edited it; Undo brings it back. */
    private void pickPreset(String name) {
        ObjectNode chosen = (ObjectNode) ScenarioCodec.readTree(presets.get(name));
        if (!edited()) {
            applyPreset(name, chosen);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("preset-confirm");
        confirm.setHeader("Replace this scenario with \"" + name + "\"?");
        confirm.setText("Your edits to \"" + tree.path("name").asText("this scenario") + "\" are replaced by the preset."
                + " You can undo this right after.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Replace");
        confirm.addConfirmListener(e -> applyPreset(name, chosen));
        confirm.addCancelListener(e -> preset.clear());
        confirm.open();
    }

    private void applyPreset(String name, ObjectNode chosen) {
        ObjectNode before = tree.deepCopy();
        replace(chosen);
        preset.clear();
        undoBar.removeAll();
        Button undo = new Button("Undo", e -> {
            undoBar.setVisible(false);
            replace(before);
        });
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        undoBar.add(new Span("Replaced by the preset \"" + name + "\"."), undo);
        undoBar.setVisible(true);
    }

    /** The user changed the scenario: it is neither the new-scenario template nor one of the presets. */
    private boolean edited() {
        if (tree.equals(ScenarioCodec.readTree(CellEditors.NEW_SCENARIO))) {
            return false;
        }
        return presets.values().stream().noneMatch(p -> tree.equals(ScenarioCodec.readTree(p)));
    }

    private void configureForm() {
        formView.removeAll();
        List<ScenarioFields.FieldInfo> top = ScenarioFields.scenarioFields().stream()
                .filter(f -> f.kind() != Kind.SUBNETS && !f.name().equals("schemaVersion")).toList();
        topFields = new ScenarioFieldsPanel(top, this::edit);
        subnets = new SubnetsPanel(() -> tree, this::edit, this::restructure);
        formView.add(topFields, subnets);
        topFields.show(tree);
        subnets.show();
    }

    private void configureJson() {
        json.setLabel("Scenario JSON");
        json.setWidthFull();
        json.addClassName("scenario-json");
        json.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        json.setMaxHeight("32em");
        applyJson.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        applyJson.addClickListener(e -> applyJson());
        jsonView.add(json, applyJson);
    }

    private void showTab(int index) {
        formView.setVisible(index == 0);
        jsonView.setVisible(index == 1);
        if (index == 1) {
            json.setValue(tree.toPrettyString());
            json.setInvalid(false);
        }
    }

    private void applyJson() {
        try {
            JsonNode node = ScenarioCodec.readTree(json.getValue());
            if (!node.isObject()) {
                throw new InvalidScenarioException(List.of(new Problem("$", "must be a JSON object")));
            }
            json.setInvalid(false);
            undoBar.setVisible(false);
            replace((ObjectNode) node);
        } catch (InvalidScenarioException ex) {
            json.setErrorMessage(ex.problems().get(0).message());
            json.setInvalid(true);
        }
    }

    private void replace(ObjectNode scenario) {
        tree = scenario.deepCopy();
        if (built) {
            configureForm();
            applyReadOnly();
        }
        commit();
    }

    private void edit(String path, JsonNode value) {
        undoBar.setVisible(false);
        ScenarioFields.set(tree, path, value);
        topFields.show(tree);
        subnets.refresh();
        commit();
    }

    private void restructure(Consumer<ArrayNode> change) {
        JsonNode arr = tree.get("subnets");
        if (arr == null || !arr.isArray()) {
            arr = tree.putArray("subnets");
        }
        undoBar.setVisible(false);
        change.accept((ArrayNode) arr);
        subnets.show();
        commit();
    }

    private void commit() {
        setCell(cell().withScenario(tree));
        showSummary();
        validate();
        fireChanged();
    }

    /** Checks the scenario with the codec and puts each problem beside its field. */
    private List<Problem> validate() {
        List<Problem> problems = ScenarioCodec.problems(tree.toString());
        Map<String, String> byPath = new LinkedHashMap<>();
        problems.forEach(p -> byPath.merge(p.path(), p.message(), (a, b) -> a + "; " + b));
        Map<String, String> left = built ? subnets.showProblems(topFields.showProblems(byPath)) : byPath;
        status.removeAll();
        status.getElement().setAttribute("data-problems", String.valueOf(problems.size()));
        if (problems.isEmpty()) {
            int n = tree.path("subnets").size();
            status.add(new Span("✓ Valid scenario: " + n + " subnet" + (n == 1 ? "" : "s") + "."));
            status.getElement().setAttribute("data-valid", "true");
            return problems;
        }
        status.getElement().setAttribute("data-valid", "false");
        status.add(new Span("⚠ " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + (built && left.size() < byPath.size() ? " (shown beside the fields)" : "") + (left.isEmpty() ? "" : ":")));
        UnorderedList list = new UnorderedList();
        left.forEach((path, msg) -> list.add(new ListItem(path + ": " + msg)));
        status.add(list);
        return problems;
    }

    @Override
    public void run() {
        validate();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        label.setReadOnly(readOnly);
        preset.setVisible(!readOnly);
        undoBar.setVisible(undoBar.isVisible() && !readOnly);
        editorDetails.setSummaryText(summaryText());
        applyReadOnly();
    }

    private void applyReadOnly() {
        if (!built) {
            return;
        }
        topFields.setReadOnly(readOnly);
        subnets.setReadOnly(readOnly);
        json.setReadOnly(readOnly);
        applyJson.setVisible(!readOnly);
    }

    @Override
    protected void showCell() {
        this.tree = cell().scenario();
        label.setValue(cell().label());
        showSummary();
        if (built) {
            configureForm();
            applyReadOnly();
        }
        validate();
    }
}
