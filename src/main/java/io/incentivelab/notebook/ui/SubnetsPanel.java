package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.incentivelab.notebook.ScenarioFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The subnets of a scenario: a grid with one row per subnet (metric or mix, curve and its parameter,
 * verification, Yuma, limits, share, problems), add / duplicate / remove, and below it the full form of
 * the selected subnet.
 */
class SubnetsPanel extends Div {

    private final Supplier<ObjectNode> scenario;
    private final BiConsumer<String, JsonNode> onEdit;
    private final Consumer<Consumer<ArrayNode>> onStructure;
    private final Grid<Integer> grid = new Grid<>();
    private final Div editorHolder = new Div();
    private final H4 editorTitle = new H4();
    private final HorizontalLayout buttons = new HorizontalLayout();
    private ScenarioFieldsPanel editor;
    private int selected;
    private Map<String, String> problems = Map.of();
    private boolean readOnly;

    SubnetsPanel(Supplier<ObjectNode> scenario, BiConsumer<String, JsonNode> onEdit,
            Consumer<Consumer<ArrayNode>> onStructure) {
        this.scenario = scenario;
        this.onEdit = onEdit;
        this.onStructure = onStructure;
        addClassName("subnets-panel");
        setWidthFull();
        configureGrid();
        configureButtons();
        editorHolder.setWidthFull();
        add(new H4("Subnets"), grid, buttons, editorHolder);
    }

    private void configureGrid() {
        grid.addClassName("subnet-grid");
        grid.addColumn(i -> text(i, "name")).setHeader("Name").setAutoWidth(true);
        grid.addColumn(this::metric).setHeader("Metric").setAutoWidth(true);
        grid.addColumn(i -> curve(i)).setHeader("Curve").setAutoWidth(true);
        grid.addColumn(i -> "audit " + text(i, "verification.auditRate") + ", copy det. " + text(i, "verification.copyDetection"))
                .setHeader("Verification").setAutoWidth(true);
        grid.addColumn(i -> text(i, "yuma.version") + " κ " + text(i, "yuma.kappa")).setHeader("Yuma").setAutoWidth(true);
        grid.addColumn(i -> text(i, "limits.maxUids") + " UIDs, " + text(i, "limits.validatorPermits") + " permits")
                .setHeader("Limits").setAutoWidth(true);
        grid.addColumn(i -> text(i, "emissionShare")).setHeader("Share").setAutoWidth(true);
        grid.addColumn(i -> text(i, "miners.operators") + " × " + text(i, "miners.uidsPerOperator") + " / "
                + text(i, "validators.count")).setHeader("Miners / validators").setAutoWidth(true);
        grid.addColumn(this::problemCount).setHeader("Problems").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(i -> {
            if (i != selected || editor == null) {
                selected = i;
                buildEditor();
            }
        }));
    }

    private void configureButtons() {
        Button add = new Button("Add subnet", VaadinIcon.PLUS.create(), e -> onStructure.accept(arr -> {
            ObjectNode s = arr.addObject();
            s.put("name", freeName(arr, "subnet"));
            s.put("metric", "STORAGE");
            s.putObject("miners").put("operators", 32);
            s.putObject("validators").put("count", 8);
            selected = arr.size() - 1;
        }));
        Button dup = new Button("Duplicate subnet", VaadinIcon.COPY_O.create(), e -> onStructure.accept(arr -> {
            if (selected < arr.size()) {
                ObjectNode copy = arr.get(selected).deepCopy();
                copy.put("name", freeName(arr, copy.path("name").asText("subnet")));
                arr.insert(selected + 1, copy);
                selected++;
            }
        }));
        Button remove = new Button("Remove subnet", VaadinIcon.TRASH.create(), e -> onStructure.accept(arr -> {
            if (arr.size() > 1 && selected < arr.size()) {
                arr.remove(selected);
                selected = Math.max(0, selected - 1);
            }
        }));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : new Button[] {add, dup, remove}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        buttons.add(add, dup, remove);
    }

    private static String freeName(ArrayNode arr, String base) {
        String stem = base.replaceAll("-\\d+$", "");
        for (int n = arr.size() + 1; ; n++) {
            String name = stem + "-" + n;
            boolean taken = false;
            for (JsonNode s : arr) {
                taken |= name.equals(s.path("name").asText());
            }
            if (!taken) {
                return name;
            }
        }
    }

    /** Shows the scenario: rows, and the selected subnet's form. */
    void show() {
        int count = scenario.get().path("subnets").isArray() ? scenario.get().get("subnets").size() : 0;
        selected = Math.max(0, Math.min(selected, count - 1));
        grid.setItems(IntStream.range(0, count).boxed().toList());
        if (count > 0) {
            grid.select(selected);
        }
        buildEditor();
    }

    /** Refreshes values and rows after an edit of a field, without rebuilding the form. */
    void refresh() {
        grid.getDataProvider().refreshAll();
        if (editor != null) {
            editor.show(scenario.get());
            editorTitle.setText("Subnet " + text(selected, "name"));
        }
    }

    private void buildEditor() {
        editorHolder.removeAll();
        int count = scenario.get().path("subnets").size();
        if (count == 0) {
            editor = null;
            return;
        }
        editor = new ScenarioFieldsPanel(ScenarioFields.subnetFields(selected), onEdit);
        editor.getElement().setAttribute("data-subnet", String.valueOf(selected));
        editorTitle.setText("Subnet " + text(selected, "name"));
        editorHolder.add(editorTitle, editor);
        editor.show(scenario.get());
        editor.showProblems(problems);
        editor.setReadOnly(readOnly);
    }

    /** Puts problems beside the selected subnet's fields; returns those it could not place. */
    Map<String, String> showProblems(Map<String, String> byPath) {
        this.problems = byPath;
        grid.getDataProvider().refreshAll();
        return editor == null ? new LinkedHashMap<>(byPath) : editor.showProblems(byPath);
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        buttons.setVisible(!readOnly);
        if (editor != null) {
            editor.setReadOnly(readOnly);
        }
    }

    private String text(int i, String rel) {
        return SubnetTexts.text(scenario.get(), i, rel);
    }

    private String metric(int i) {
        return SubnetTexts.metric(scenario.get(), i);
    }

    private String curve(int i) {
        return SubnetTexts.curve(scenario.get(), i);
    }

    private String problemCount(int i) {
        String prefix = "$.subnets[" + i + "]";
        long n = problems.keySet().stream().filter(p -> p.equals(prefix) || p.startsWith(prefix + ".")).count();
        return n == 0 ? "" : "⚠ " + n;
    }
}
