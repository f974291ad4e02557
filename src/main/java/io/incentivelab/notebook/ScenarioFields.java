package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.scenario.ScenarioDefaults;
import io.incentivelab.simulation.model.Field;
import io.incentivelab.simulation.model.ScenarioModel;
import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.model.ScenarioModel.RecordType;
import io.incentivelab.simulation.model.SubnetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of the scenario format, read from its {@link ScenarioModel} (its records and their {@link Field}
 * annotations): what the scenario forms show (every field, with its doc, range and default) and what an experiment
 * may sweep (numeric and choice fields, by JSON path). Values absent from a scenario's JSON are its defaults.
 */
public final class ScenarioFields {

    private static final ScenarioModel MODEL = ScenarioModel.get();

    /** What kind of input a field takes. */
    public enum Kind { NUMBER, INTEGER, CHOICE, BOOLEAN, TEXT, NUMBER_LIST, GROUP, SUBNETS }

    /**
     * One field.
     *
     * @param path    JSON path, e.g. {@code $.subnets[0].rewardCurve.alpha}
     * @param name    the record component's name
     * @param kind    the input it takes
     * @param choices the allowed names of a CHOICE
     * @param doc     what it means, with its unit
     * @param min     smallest allowed value, or null
     * @param max     largest allowed value, or null
     * @param def     the default, or null if required
     * @param type    the record type of a GROUP
     * @param title   the field's name for people ({@link Field#label()}), empty = its name in words
     * @param unit    its unit ({@link Field#unit()}), empty = none
     */
    public record FieldInfo(String path, String name, Kind kind, List<String> choices, String doc, Double min, Double max,
            JsonNode def, Class<?> type, String title, String unit) {

        /** A sweep over this field makes sense: a number, a whole number, a choice or a flag. */
        public boolean sweepable() {
            return kind == Kind.NUMBER || kind == Kind.INTEGER || kind == Kind.CHOICE || kind == Kind.BOOLEAN;
        }

        /**
         * The field's name for people, with its unit: its {@link Field#label()} or its name in words
         * ({@code horizonDays} → "Horizon days"), then " (unit)" if it has one.
         */
        public String label() {
            if (title != null && !title.isBlank()) {
                return unit == null || unit.isBlank() ? title : title + " (" + unit + ")";
            }
            String[] derived = wordsAndUnit(name);
            String u = unit == null || unit.isBlank() ? derived[1] : unit;
            return u.isEmpty() ? derived[0] : derived[0] + " (" + u + ")";
        }
    }

    /** Name suffixes that are a unit, longest first: {@code startIssuanceTao} → "Start issuance" (TAO). */
    private static final String[][] UNIT_SUFFIXES = {
        {"UsdPerDay", "USD per day"}, {"PerDay", "per day"}, {"Usd", "USD"}, {"Tao", "TAO"}, {"Days", "days"},
        {"Blocks", "blocks"}, {"Epochs", "epochs"}};

    /**
     * A camel-case field name in sentence case, with a trailing unit split off: {@code horizonDays} →
     * ["Horizon", "days"], {@code taoPriceUsd} → ["TAO price", "USD"], {@code maxUids} → ["Max UIDs", ""].
     */
    static String[] wordsAndUnit(String name) {
        String stem = name;
        String unit = "";
        for (String[] su : UNIT_SUFFIXES) {
            if (stem.endsWith(su[0]) && stem.length() > su[0].length()) {
                stem = stem.substring(0, stem.length() - su[0].length());
                unit = su[1];
                break;
            }
        }
        String words = stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                .replaceAll("\\btao\\b", "TAO").replaceAll("\\buids\\b", "UIDs").replaceAll("\\buid\\b", "UID")
                .replaceAll("\\busd\\b", "USD").replaceAll("\\bhhi\\b", "HHI").replaceAll("\\bgpu\\b", "GPU")
                .replaceAll("\\bema\\b", "EMA");
        return new String[]{Character.toUpperCase(words.charAt(0)) + words.substring(1), unit};
    }

    private ScenarioFields() {
    }

    private static final Pattern SUBNET_PATH = Pattern.compile("^\\$\\.subnets\\[(\\d+)]\\.(.+)$");

    /**
     * How a sweepable field is offered to people: by its subnet's name, its sections and its label, then its path
     * ("speed: Reward curve › Type — subnets[0].rewardCurve.type"; "Network: Horizon (days) — network.horizonDays").
     */
    public static String sweepLabel(ObjectNode scenario, FieldInfo f) {
        String path = f.path().substring(2);
        Matcher m = SUBNET_PATH.matcher(f.path());
        String owner;
        String rest;
        if (m.matches()) {
            JsonNode name = scenario == null ? null : scenario.path("subnets").path(Integer.parseInt(m.group(1))).get("name");
            owner = name != null && name.isTextual() && !name.textValue().isBlank() ? name.textValue() : "subnet " + m.group(1);
            rest = m.group(2);
        } else {
            int dot = path.indexOf('.');
            owner = wordsAndUnit(dot < 0 ? "scenario" : path.substring(0, dot))[0];
            rest = dot < 0 ? path : path.substring(dot + 1);
        }
        String[] parts = rest.split("\\.");
        StringBuilder human = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            human.append(wordsAndUnit(parts[i])[0]).append(" › ");
        }
        human.append(f.label());
        return owner + ": " + human + " — " + path;
    }

    /** The fields of a record type at a path (one level: groups are listed, not expanded). */
    public static List<FieldInfo> fieldsOf(Class<?> type, String basePath) {
        List<FieldInfo> out = new ArrayList<>();
        for (Property c : MODEL.record(type).properties()) {
            out.add(info(c, basePath + "." + c.name()));
        }
        return out;
    }

    /** The top-level fields of a scenario ({@code $.name}, {@code $.network}, {@code $.subnets}, …). */
    public static List<FieldInfo> scenarioFields() {
        return fieldsOf(MODEL.root().type(), "$");
    }

    /** The fields of subnet {@code index}. */
    public static List<FieldInfo> subnetFields(int index) {
        return fieldsOf(SubnetSpec.class, "$.subnets[" + index + "]");
    }

    /** Every field an experiment may sweep in this scenario (network, then each subnet), by JSON path. */
    public static List<FieldInfo> sweepable(ObjectNode scenario) {
        List<FieldInfo> out = new ArrayList<>();
        for (FieldInfo f : scenarioFields()) {
            if (f.kind() == Kind.GROUP) {
                leaves(f.type(), f.path(), out);
            } else if (f.sweepable()) {
                out.add(f);
            }
        }
        int subnets = scenario.path("subnets").isArray() ? scenario.get("subnets").size() : 0;
        for (int i = 0; i < subnets; i++) {
            leaves(SubnetSpec.class, "$.subnets[" + i + "]", out);
        }
        return out;
    }

    private static void leaves(Class<?> type, String path, List<FieldInfo> out) {
        for (FieldInfo f : fieldsOf(type, path)) {
            if (f.kind() == Kind.GROUP) {
                leaves(f.type(), f.path(), out);
            } else if (f.sweepable()) {
                out.add(f);
            }
        }
    }

    /**
     * The value at a path of a scenario, or the default where the JSON leaves it out; null if neither exists.
     * Handles {@code $.a.b}, {@code $.subnets[2].c}.
     */
    public static JsonNode effective(ObjectNode scenario, String path) {
        String[] steps = path.substring(2).split("\\.");
        JsonNode node = scenario;
        RecordType type = MODEL.root();
        for (String step : steps) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            Property c = type == null ? null : type.property(name);
            if (c == null) {
                return null;
            }
            JsonNode next = node == null ? null : node.get(name);
            JsonNode def = ScenarioDefaults.asDoubles(c);
            if ((next == null || next.isNull()) && c.field() != null) {
                next = def == null ? null : def.deepCopy();
            } else if (next != null && next.isObject() && c.kind() == ScenarioModel.Kind.GROUP) {
                if (def != null && def.isObject()) {
                    ObjectNode merged = ((ObjectNode) def).deepCopy();
                    merged.setAll((ObjectNode) next);
                    next = merged;
                }
            }
            type = c.kind() == ScenarioModel.Kind.GROUP ? c.record() : null;
            if (bracket >= 0) {
                int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                next = next != null && next.isArray() && index < next.size() ? next.get(index) : null;
                type = c.kind() == ScenarioModel.Kind.LIST ? c.record() : null;
            }
            node = next;
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Sets (or with a null value removes) the value at a path, creating objects on the way. */
    public static void set(ObjectNode scenario, String path, JsonNode value) {
        String[] steps = path.substring(2).split("\\.");
        ObjectNode node = scenario;
        for (int s = 0; s < steps.length; s++) {
            String step = steps[s];
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            boolean last = s == steps.length - 1;
            if (bracket < 0 && last) {
                if (value == null) {
                    node.remove(name);
                } else {
                    node.set(name, value);
                }
                return;
            }
            if (bracket >= 0) {
                int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                JsonNode arr = node.get(name);
                if (arr == null || !arr.isArray() || index >= arr.size()) {
                    throw new IllegalArgumentException("no element " + step + " in " + path);
                }
                if (last) {
                    ((ArrayNode) arr).set(index, value);
                    return;
                }
                JsonNode el = arr.get(index);
                if (!el.isObject()) {
                    el = ((ArrayNode) arr).insertObject(index);
                    ((ArrayNode) arr).remove(index + 1);
                }
                node = (ObjectNode) el;
            } else {
                JsonNode child = node.get(name);
                if (child == null || !child.isObject()) {
                    if (value == null) {
                        return;
                    }
                    child = node.putObject(name);
                }
                node = (ObjectNode) child;
            }
        }
    }

    private static FieldInfo info(Property c, String path) {
        Field f = c.field();
        Class<?> t = c.raw();
        List<String> choices = List.of();
        Kind kind = switch (c.kind()) {
            case NUMBER -> Kind.NUMBER;
            case INTEGER -> Kind.INTEGER;
            case BOOLEAN -> Kind.BOOLEAN;
            case CHOICE -> {
                choices = c.choices();
                yield Kind.CHOICE;
            }
            case TEXT -> Kind.TEXT;
            case GROUP -> Kind.GROUP;
            case LIST -> c.element() == Double.class ? Kind.NUMBER_LIST
                    : c.element() == SubnetSpec.class ? Kind.SUBNETS : Kind.TEXT;
        };
        Double min = f == null || f.min() == Double.NEGATIVE_INFINITY ? null : f.min();
        Double max = f == null || f.max() == Double.POSITIVE_INFINITY ? null : f.max();
        JsonNode def = ScenarioDefaults.asDoubles(c);
        return new FieldInfo(path, c.name(), kind, choices, f == null ? "" : f.doc(), min, max,
                def == null ? null : def.deepCopy(), t, f == null ? "" : f.label(), f == null ? "" : f.unit());
    }
}
