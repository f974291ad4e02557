package io.incentivelab.notebook.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasTooltip;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.incentivelab.notebook.ScenarioFields.FieldInfo;
import io.incentivelab.notebook.ScenarioFields.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * One input of a scenario form, made from a field's description: a number, whole-number, choice, flag, text
 * or number-list input, labelled, with the field's doc as tooltip and its range as helper text. It reports
 * edits as JSON values (null = use the default) and shows the codec's message for its path.
 */
final class FieldInput {

    /** A decimal number as people type it: {@code 12}, {@code -0.5}, {@code .25}, {@code 1e6}. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final FieldInfo info;
    private final Component component;
    private boolean showing;

    private FieldInput(FieldInfo info, Component component) {
        this.info = info;
        this.component = component;
    }

    FieldInfo info() {
        return info;
    }

    Component component() {
        return component;
    }

    /** Makes the input; {@code onEdit} gets (path, value) on every user edit. */
    static FieldInput of(FieldInfo info, BiConsumer<String, JsonNode> onEdit) {
        Component c = switch (info.kind()) {
            case NUMBER, INTEGER -> {
                // a text input, not a number input: what the user typed stays, and the codec names what is wrong
                TextField t = new TextField();
                t.getElement().setAttribute("inputmode", info.kind() == Kind.INTEGER ? "numeric" : "decimal");
                t.addClassName("number-input");
                yield t;
            }
            case BOOLEAN -> new Checkbox();
            case CHOICE -> {
                Select<String> s = new Select<>();
                s.setItems(info.choices());
                yield s;
            }
            case NUMBER_LIST -> {
                TextField t = new TextField();
                t.setPlaceholder("e.g. 100, 50, 25");
                yield t;
            }
            default -> info.name().equals("description") ? new TextArea() : new TextField();
        };
        FieldInput in = new FieldInput(info, c);
        in.configure(onEdit);
        return in;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void configure(BiConsumer<String, JsonNode> onEdit) {
        String label = info.label();
        if (component instanceof Checkbox cb) {
            cb.setLabel(label);
        } else if (component instanceof HasLabel hl) {
            hl.setLabel(label);
        }
        if (component instanceof HasTooltip t && !info.doc().isBlank()) {
            t.setTooltipText(info.doc());
        }
        if (component instanceof HasHelper h) {
            h.setHelperText(range());
        }
        if (component instanceof HasValueChangeMode m) {
            m.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        }
        component.getElement().setAttribute("data-path", info.path());
        if (component instanceof TextArea || component instanceof TextField) {
            ((HasSize) component).setWidthFull();
        }
        ((AbstractField) component).addValueChangeListener(e -> {
            AbstractField.ComponentValueChangeEvent ev = (AbstractField.ComponentValueChangeEvent) e;
            if (ev.isFromClient() && !showing) {
                onEdit.accept(info.path(), toJson(ev.getValue()));
            }
        });
    }

    private String range() {
        if (info.min() == null && info.max() == null) {
            return "";
        }
        String lo = info.min() == null ? "" : num(info.min());
        String hi = info.max() == null ? "" : num(info.max());
        return info.min() != null && info.max() != null ? lo + " – " + hi : (info.min() != null ? "≥ " + lo : "≤ " + hi);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The user's input as JSON; null for an empty input (the default applies). */
    private JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        return switch (info.kind()) {
            case NUMBER, INTEGER -> number(info.kind(), (String) value);
            case BOOLEAN -> JsonNodeFactory.instance.booleanNode((Boolean) value);
            case NUMBER_LIST -> numberList((String) value);
            default -> TextNode.valueOf(value.toString());
        };
    }

    /**
     * A typed number as JSON: null when blank (the default applies); a number when it reads as one (a whole
     * number for an integer field, else the decimal, which the codec then refuses); otherwise the text itself,
     * so that the field keeps it and the codec's "must be a number" shows beside it. Never the default.
     */
    static JsonNode number(Kind kind, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(t).matches()) {
            return TextNode.valueOf(t);
        }
        BigDecimal d = new BigDecimal(t);
        if (kind == Kind.INTEGER && d.stripTrailingZeros().scale() <= 0) {
            try {
                long l = d.longValueExact();
                return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
            } catch (ArithmeticException e) {
                return DecimalNode.valueOf(d);
            }
        }
        double v = d.doubleValue();
        return Double.isFinite(v) ? DoubleNode.valueOf(v) : DecimalNode.valueOf(d);
    }

    private static JsonNode numberList(String text) {
        var arr = JsonNodeFactory.instance.arrayNode();
        if (text.isBlank()) {
            return arr;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                arr.add(Double.parseDouble(part));
            } catch (NumberFormatException e) {
                arr.add(part);
            }
        }
        return arr;
    }

    /** Shows a value from the scenario (or its default). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void show(JsonNode value) {
        showing = true;
        try {
            AbstractField f = (AbstractField) component;
            Object v = null;
            if (value != null && !value.isNull()) {
                v = switch (info.kind()) {
                    case NUMBER, INTEGER -> value.isNumber() ? numberText(value) : value.asText();
                    case BOOLEAN -> value.isBoolean() ? value.booleanValue() : Boolean.FALSE;
                    case CHOICE -> value.isTextual() && info.choices().contains(value.textValue()) ? value.textValue() : null;
                    case NUMBER_LIST -> joined(value);
                    default -> value.isTextual() ? value.textValue() : value.toString();
                };
            }
            if (v == null && info.kind() == Kind.BOOLEAN) {
                v = Boolean.FALSE;
            }
            if (v == null && (info.kind() == Kind.TEXT || info.kind() == Kind.NUMBER_LIST || info.kind() == Kind.NUMBER
                    || info.kind() == Kind.INTEGER)) {
                v = "";
            }
            f.setValue(v);
        } finally {
            showing = false;
        }
    }

    private static String numberText(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        return num(value.doubleValue());
    }

    private static String joined(JsonNode value) {
        if (!value.isArray()) {
            return value.toString();
        }
        List<String> parts = new ArrayList<>();
        value.forEach(x -> parts.add(x.isNumber() ? num(x.doubleValue()) : x.asText()));
        return String.join(", ", parts);
    }

    /** Shows the codec's message for this field, or clears it with null. */
    void setError(String message) {
        if (component instanceof HasValidation v) {
            v.setInvalid(message != null);
            v.setErrorMessage(message);
        } else if (component instanceof Checkbox cb) {
            cb.getElement().setAttribute("title", message == null ? "" : message);
        }
    }

    void setReadOnly(boolean readOnly) {
        ((HasValue<?, ?>) component).setReadOnly(readOnly);
    }

}
