package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.incentivelab.experiment.ExperimentSpec.Axis;
import io.incentivelab.experiment.ExperimentSpec.AxisKind;
import io.incentivelab.notebook.ScenarioFields;
import io.incentivelab.notebook.ScenarioFields.FieldInfo;
import io.incentivelab.notebook.ScenarioFields.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One sweep axis: the field (picked from the scenario's numeric and choice fields), how its values are made
 * (a list, a range, or random / Latin hypercube / Sobol draws) and their bounds. Reports every edit.
 */
class SweepAxisRow extends HorizontalLayout {

    private final ComboBox<FieldInfo> field = new ComboBox<>("Field");
    private final Select<String> kind = new Select<>();
    private final TextField values = new TextField("Values");
    private final NumberField from = new NumberField("From");
    private final NumberField to = new NumberField("To");
    private final IntegerField count = new IntegerField("Count");
    private final Checkbox integer = new Checkbox("Whole numbers");
    private final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    private boolean showing;
    private boolean study;

    private final ObjectNode base;

    /**
     * @param base the scenario the fields come from (its subnet names label them, its values centre the ranges);
     *             null if there is none
     */
    SweepAxisRow(Axis axis, List<FieldInfo> fields, ObjectNode base, Consumer<Axis> onEdit, Runnable onRemove) {
        this.base = base;
        addClassName("sweep-axis");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        setWrap(true);
        field.setItems(fields);
        field.setItemLabelGenerator(f -> ScenarioFields.sweepLabel(base, f));
        field.setWidth("36em");
        field.setAllowCustomValue(false);
        field.setPlaceholder("Pick a scenario field");
        kind.setLabel("Kind");
        kind.setItems(Arrays.stream(AxisKind.values()).map(Enum::name).toList());
        values.setPlaceholder("e.g. 1, 2, 4");
        values.setWidth("14em");
        count.setHelperText("steps or draws");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove axis");
        remove.addClickListener(e -> onRemove.run());
        add(field, kind, values, from, to, count, integer, remove);
        show(axis, fields);
        field.addValueChangeListener(e -> {
            if (!showing && e.isFromClient() && e.getValue() != null) {
                prefill(e.getValue());
            }
        });
        List<AbstractField<?, ?>> inputs = List.of(field, kind, values, from, to, count, integer);
        for (AbstractField<?, ?> c : inputs) {
            c.addValueChangeListener(e -> {
                if (!showing && e.isFromClient()) {
                    updateVisibility();
                    onEdit.accept(value());
                }
            });
        }
    }

    /** Picking a field fills sensible values: all choices of a choice field, a range over a number's bounds. */
    private void prefill(FieldInfo f) {
        showing = true;
        if (f.kind() == Kind.CHOICE || f.kind() == Kind.BOOLEAN) {
            kind.setValue("LIST");
            values.setValue(f.kind() == Kind.BOOLEAN ? "true, false" : String.join(", ", f.choices()));
        } else if (values.isEmpty() && from.isEmpty()) {
            kind.setValue("RANGE");
            JsonNode now = base == null ? null : ScenarioFields.effective(base, f.path());
            double[] r = defaultRange(f.min(), f.max(), now != null && now.isNumber() ? now.asDouble() : Double.NaN,
                    f.kind() == Kind.INTEGER);
            from.setValue(r[0]);
            to.setValue(r[1]);
            count.setValue(3);
            integer.setValue(f.kind() == Kind.INTEGER);
        }
        showing = false;
    }

    /**
     * A sensible range to sweep a number over (issue 20): the whole range of a fraction-like field (width ≤ 1),
     * else half to twice its current value within its bounds, else its lower bound to ten more.
     */
    static double[] defaultRange(Double min, Double max, double current, boolean integer) {
        double lo = min == null ? 0 : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        double from;
        double to;
        if (hi - lo <= 1) {
            from = lo;
            to = hi;
        } else if (current > 0 && Double.isFinite(current)) {
            from = Math.max(lo, current / 2);
            to = Math.min(hi, current * 2);
        } else {
            from = lo;
            to = Math.min(hi, lo + 10);
        }
        if (integer) {
            from = Math.ceil(from);
            to = Math.max(from, Math.floor(to));
        }
        return new double[]{from, to};
    }

    private void show(Axis axis, List<FieldInfo> fields) {
        showing = true;
        Optional<FieldInfo> f = fields.stream().filter(x -> x.path().equals(axis.path())).findFirst();
        field.setValue(f.orElse(null));
        kind.setValue(axis.kind().name());
        List<String> parts = new ArrayList<>();
        axis.values().forEach(v -> parts.add(v.isTextual() ? v.textValue() : v.toString()));
        values.setValue(String.join(", ", parts));
        from.setValue(axis.from());
        to.setValue(axis.to());
        count.setValue(axis.count());
        integer.setValue(axis.integer());
        showing = false;
        updateVisibility();
    }

    private void updateVisibility() {
        // a sensitivity study's parameter is read as its From–To range only: no kind, list or count to set
        boolean list = !study && "LIST".equals(kind.getValue());
        kind.setVisible(!study);
        values.setVisible(list);
        from.setVisible(!list);
        to.setVisible(!list);
        count.setVisible(!list && !study);
        integer.setVisible(!list);
    }

    /** Shows the row as a sensitivity study's parameter (From, To, whole numbers) or as a sweep axis. */
    void setStudy(boolean study) {
        this.study = study;
        updateVisibility();
    }

    /** The axis as the inputs now describe it. */
    Axis value() {
        String path = field.getValue() == null ? "" : field.getValue().path();
        List<JsonNode> vs = new ArrayList<>();
        if (!values.getValue().isBlank()) {
            for (String part : values.getValue().split("\\s*,\\s*")) {
                vs.add(parse(part.strip()));
            }
        }
        return new Axis(path, kind.getValue() == null ? AxisKind.LIST : AxisKind.valueOf(kind.getValue()), vs, from.getValue(), to.getValue(), count.getValue(),
                integer.getValue());
    }

    private static JsonNode parse(String text) {
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        try {
            return text.matches("-?\\d+") ? IntNode.valueOf(Integer.parseInt(text)) : DoubleNode.valueOf(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    void setReadOnly(boolean readOnly) {
        field.setReadOnly(readOnly);
        kind.setReadOnly(readOnly);
        values.setReadOnly(readOnly);
        from.setReadOnly(readOnly);
        to.setReadOnly(readOnly);
        count.setReadOnly(readOnly);
        integer.setReadOnly(readOnly);
        remove.setVisible(!readOnly);
    }
}
