package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incentivelab.simulation.scoring.ScoringPresets;
import io.incentivelab.notebook.FieldVisibility;
import io.incentivelab.notebook.ScenarioFields;
import io.incentivelab.notebook.ScenarioFields.FieldInfo;
import io.incentivelab.notebook.ScenarioFields.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A form for a part of a scenario (the network, one subnet, …) made from its fields: the plain fields in a
 * form layout, each nested group (reward curve, miners, stake, …) in a titled section below. Every input
 * carries its JSON path, so the codec's problems land beside the right field.
 */
class ScenarioFieldsPanel extends Div {

    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private final Map<String, Details> groups = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private ObjectNode shown;
    private final List<Select<String>> extras = new ArrayList<>();

    ScenarioFieldsPanel(List<FieldInfo> fields, BiConsumer<String, JsonNode> onEdit) {
        addClassName("scenario-fields");
        setWidthFull();
        FormLayout plain = form();
        add(plain);
        for (FieldInfo f : fields) {
            if (f.kind() == Kind.GROUP) {
                add(group(f, onEdit));
            } else if (f.kind() != Kind.SUBNETS) {
                FieldInput in = FieldInput.of(f, onEdit);
                inputs.put(f.path(), in);
                plain.add(in.component());
                if (f.name().equals("description")) {
                    plain.setColspan(in.component(), 3);
                }
                if (f.name().equals("scoring")) {
                    plain.setColspan(in.component(), 2);
                    Select<String> presets = scoringPresets(f.path(), in, onEdit);
                    extras.add(presets);
                    plain.add(presets);
                }
            }
        }
    }

    private Details group(FieldInfo g, BiConsumer<String, JsonNode> onEdit) {
        FormLayout form = form();
        Div body = new Div(form);
        for (FieldInfo f : ScenarioFields.fieldsOf(g.type(), g.path())) {
            if (f.kind() == Kind.GROUP) {
                body.add(group(f, onEdit));
            } else {
                FieldInput in = FieldInput.of(f, onEdit);
                inputs.put(f.path(), in);
                form.add(in.component());
            }
        }
        Details d = new Details(g.label(), body);
        d.setOpened(true);
        d.addClassName("field-group");
        d.getElement().setAttribute("data-path", g.path());
        d.setTooltipText(g.doc());
        d.setWidthFull();
        groups.put(g.path(), d);
        return d;
    }

    /**
     * A picker of the scoring expressions modelled on real subnets (economics.md §5): choosing one writes its
     * expression into the scoring field (and says what stands for what); "None" empties it, so the metric scores.
     */
    private static Select<String> scoringPresets(String path, FieldInput in, BiConsumer<String, JsonNode> onEdit) {
        Select<String> presets = new Select<>();
        presets.setLabel("Scoring preset");
        presets.addClassName("scoring-presets");
        presets.getElement().setAttribute("data-path", path + "#preset");
        List<String> ids = new ArrayList<>();
        ids.add(NO_PRESET);
        ScoringPresets.ALL.forEach(p -> ids.add(p.id()));
        presets.setItems(ids);
        presets.setItemLabelGenerator(id -> NO_PRESET.equals(id) ? "None: score by the metric"
                : ScoringPresets.byId(id).label());
        presets.setPlaceholder("a real subnet's score");
        presets.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) {
                return;
            }
            ScoringPresets.Preset p = ScoringPresets.byId(e.getValue());
            JsonNode value = p == null ? null : TextNode.valueOf(p.expression());
            in.show(value);
            presets.setHelperText(p == null ? null : p.note());
            onEdit.accept(path, value);
        });
        return presets;
    }

    private static final String NO_PRESET = "none";

    private static FormLayout form() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("50em", 3));
        return form;
    }

    /**
     * Shows the scenario's values (defaults where it leaves them out), and only the fields the engine reads for it
     * ({@link FieldVisibility}); a field with a problem stays visible.
     */
    void show(ObjectNode scenario) {
        shown = scenario;
        inputs.values().forEach(in -> in.show(ScenarioFields.effective(scenario, in.info().path())));
        applyVisibility();
    }

    private void applyVisibility() {
        if (shown == null) {
            return;
        }
        inputs.forEach((path, in) -> in.component().setVisible(FieldVisibility.relevant(shown, path)
                || errors.containsKey(path)));
        groups.forEach((path, d) -> d.setVisible(FieldVisibility.relevant(shown, path)
                || errors.keySet().stream().anyMatch(e -> e.startsWith(path + "."))));
    }

    /**
     * Puts each problem beside its field.
     *
     * @return the problems no input of this panel showed
     */
    Map<String, String> showProblems(Map<String, String> byPath) {
        Map<String, String> left = new LinkedHashMap<>(byPath);
        errors.clear();
        inputs.forEach((path, in) -> {
            String message = byPath.get(path);
            in.setError(message);
            if (message != null) {
                errors.put(path, message);
            }
            left.remove(path);
        });
        applyVisibility();
        return left;
    }

    void setReadOnly(boolean readOnly) {
        inputs.values().forEach(in -> in.setReadOnly(readOnly));
        extras.forEach(x -> x.setReadOnly(readOnly));
    }

    /** The input for a path (tests, focus). */
    FieldInput input(String path) {
        return inputs.get(path);
    }
}
