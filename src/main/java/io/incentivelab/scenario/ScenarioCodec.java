package io.incentivelab.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.model.Field;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Problem;
import io.incentivelab.simulation.model.Scenario;
import io.incentivelab.simulation.model.ScenarioModel;
import io.incentivelab.simulation.model.ScenarioModel.Kind;
import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.model.ScenarioModel.RecordType;
import io.incentivelab.simulation.model.ScenarioValidator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The scenario's JSON form (schemaVersion 1). Reading fills every absent field with its {@link Field}
 * default (an object default is merged under what the file gives), and reports every problem at once —
 * unknown fields, wrong types, unknown enum values, NaN, out-of-range values and the cross-field rules of
 * {@link ScenarioValidator} — each with its JSON path, as an {@link InvalidScenarioException}. Writing emits
 * the full, fully-defaulted form; its compact text is the canonical form hashed into {@link #hash}.
 */
public final class ScenarioCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ScenarioModel MODEL = ScenarioModel.get();

    /** Problems listed at once; a document with more gets a count of the rest. */
    static final int MAX_PROBLEMS = 100;

    private ScenarioCodec() {
    }

    /** Parses and validates a scenario; throws {@link InvalidScenarioException} with every problem. */
    public static Scenario parse(String json) {
        return parse(readTree(json));
    }

    /** Validates and converts a JSON tree to a scenario; throws {@link InvalidScenarioException}. */
    public static Scenario parse(JsonNode node) {
        List<Problem> problems = new ArrayList<>();
        Scenario scenario = (Scenario) readRecord(MODEL.root(), node, "$", problems);
        if (problems.isEmpty()) {
            problems.addAll(ScenarioValidator.validate(scenario));
        } else {
            // ranges of the fields that did read, without duplicating type problems
            Set<String> reported = new HashSet<>();
            problems.forEach(q -> reported.add(q.path()));
            for (Problem p : ScenarioValidator.validate(scenario)) {
                if (reported.add(p.path())) {
                    problems.add(p);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(capped(problems));
        }
        return scenario;
    }

    /** At most {@link #MAX_PROBLEMS} problems, the last one saying how many more there were. */
    private static List<Problem> capped(List<Problem> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return problems;
        }
        List<Problem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add(new Problem("$", "… and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
        return first;
    }

    /** Every problem of a JSON text, or an empty list if it is a valid scenario. */
    public static List<Problem> problems(String json) {
        try {
            parse(json);
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.problems();
        }
    }

    /** The JSON tree of a text; a text that is not JSON is reported as a problem at {@code $}. */
    public static JsonNode readTree(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidScenarioException(List.of(new Problem("$", "is empty; expected a JSON object")));
            }
            return node;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (e.getLocation() != null) {
                msg += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            }
            throw new InvalidScenarioException(List.of(new Problem("$", "not valid JSON: " + msg)));
        }
    }

    /** The full form: every field, defaults included, in declaration order (except fields marked {@code omitDefault} while they hold their default). */
    public static ObjectNode toJsonNode(Scenario scenario) {
        return (ObjectNode) write(scenario);
    }

    /** The full form, pretty-printed. */
    public static String toJson(Scenario scenario) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonNode(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical form: the full form as compact JSON. */
    public static String canonicalJson(Scenario scenario) {
        try {
            return MAPPER.writeValueAsString(toJsonNode(scenario));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 (hex) of the canonical JSON of the fully-defaulted scenario. */
    public static String hash(Scenario scenario) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson(scenario).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mapper scenario and run-output JSON are read and written with (plain numbers, no NaN on output). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    // ---- reading ------------------------------------------------------------------------------

    /** A property's value (element = false) or one element of a LIST property (element = true). */
    private static Object readValue(Property prop, boolean element, JsonNode node, String path, List<Problem> problems) {
        Kind kind = element ? prop.elementKind() : prop.kind();
        Field field = prop.field();
        if (node == null || node.isNull()) {
            problems.add(new Problem(path, node == null ? "is required" : "must not be null"));
            return fallback(prop, element);
        }
        if (kind == Kind.GROUP) {
            return readRecord(prop.record(), node, path, problems);
        }
        if (kind == Kind.LIST) {
            if (!node.isArray()) {
                problems.add(new Problem(path, "must be an array (got " + shortText(node) + ")"));
                return List.of();
            }
            if (field != null && node.size() > field.maxItems()) {
                // too long to be valid: say so once instead of reading (and reporting on) every element
                problems.add(new Problem(path, "has " + node.size() + " items; at most " + field.maxItems() + " allowed"));
                return List.of();
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object v = readValue(prop, true, node.get(i), path + "[" + i + "]", problems);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        Object v = scalar(kind, element ? prop.element() : prop.raw(), node);
        if (v != null) {
            return v;
        }
        String expected = switch (kind) {
            case INTEGER -> "must be an integer" + rangeSuffix(field);
            case NUMBER -> (node.isNumber() ? "must be a finite number" : "must be a number") + rangeSuffix(field);
            case BOOLEAN -> "must be true or false";
            case TEXT -> "must be a string";
            case CHOICE -> "must be one of " + String.join(", ", prop.choices());
            default -> throw new IllegalStateException("unsupported scenario field kind " + kind);
        };
        problems.add(new Problem(path, expected + " (got " + shortText(node) + ")"));
        return fallback(prop, element);
    }

    /** The value of a non-null JSON scalar as the kind asks, or null if it is not one. */
    private static Object scalar(Kind kind, Class<?> raw, JsonNode node) {
        switch (kind) {
            case INTEGER:
                return node.isNumber() && isFinite(node) && node.decimalValue().stripTrailingZeros().scale() <= 0
                        && node.decimalValue().abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                        ? node.decimalValue().intValueExact() : null;
            case NUMBER:
                return node.isNumber() && isFinite(node) ? node.doubleValue() : null;
            case BOOLEAN:
                return node.isBoolean() ? node.booleanValue() : null;
            case TEXT:
                return node.isTextual() ? node.textValue() : null;
            case CHOICE:
                if (node.isTextual()) {
                    for (Object c : raw.getEnumConstants()) {
                        if (((Enum<?>) c).name().equals(node.textValue())) {
                            return c;
                        }
                    }
                }
                return null;
            default:
                throw new IllegalStateException("not a scalar kind: " + kind);
        }
    }

    private static Object readRecord(RecordType type, JsonNode node, String path, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object (got " + shortText(node) + ")"));
            node = JsonNodeFactory.instance.objectNode();
        }
        List<String> allowed = type.names();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (type.property(name) == null) {
                problems.add(new Problem(path + "." + name, "unknown field; allowed: " + String.join(", ", allowed)));
            }
        }
        List<Property> props = type.properties();
        Object[] args = new Object[props.size()];
        for (int i = 0; i < args.length; i++) {
            Property c = props.get(i);
            String p = path + "." + c.name();
            JsonNode given = node.get(c.name());
            JsonNode def = ScenarioDefaults.of(c);
            JsonNode value;
            if (given == null) {
                value = def;
            } else if (def != null && def.isObject() && given.isObject()) {
                ObjectNode merged = ((ObjectNode) def).deepCopy();
                given.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                value = merged;
            } else {
                value = given;
            }
            args[i] = readValue(c, false, value, p, problems);
        }
        return type.create(args);
    }

    /** The value a property takes when a document leaves it out. */
    private static Object defaultOf(Property p) {
        return readValue(p, false, ScenarioDefaults.of(p), "$", new ArrayList<>());
    }

    /** A stand-in value after a problem, so that reading can go on and report the rest. */
    private static Object fallback(Property prop, boolean element) {
        Kind kind = element ? prop.elementKind() : prop.kind();
        Class<?> raw = element ? prop.element() : prop.raw();
        Field field = prop.field();
        JsonNode def = ScenarioDefaults.of(prop);
        if (def != null && kind != Kind.GROUP && kind != Kind.LIST && !def.isArray() && !def.isObject()) {
            return scalar(kind, raw, def);
        }
        return switch (kind) {
            case INTEGER -> field != null && field.min() > 0 && field.min() != Double.POSITIVE_INFINITY
                    ? (int) Math.ceil(field.min()) : 0;
            case NUMBER -> field != null && Double.isFinite(field.min())
                    ? Math.max(field.min(), 0) + (field.minExclusive() ? 1 : 0) : 0.0;
            case BOOLEAN -> false;
            case TEXT -> "";
            case CHOICE -> raw.getEnumConstants()[0];
            case LIST -> List.of();
            case GROUP -> readRecord(prop.record(), JsonNodeFactory.instance.objectNode(), "$", new ArrayList<>());
        };
    }

    private static boolean isFinite(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            return Double.isFinite(node.doubleValue());
        }
        return Double.isFinite(node.doubleValue());
    }

    private static String rangeSuffix(Field f) {
        if (f == null || (f.min() == Double.NEGATIVE_INFINITY && f.max() == Double.POSITIVE_INFINITY)) {
            return "";
        }
        return " " + ScenarioValidator.rangeText(f);
    }

    private static String shortText(JsonNode node) {
        String s = node.isContainerNode() ? (node.isArray() ? "an array" : "an object") : node.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    // ---- writing ------------------------------------------------------------------------------

    private static JsonNode write(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Record rec) {
            ObjectNode o = f.objectNode();
            for (Property c : MODEL.record(rec.getClass()).properties()) {
                Object v = c.get(rec);
                Field fd = c.field();
                if (fd != null && fd.omitDefault() && v != null && v.equals(defaultOf(c))) {
                    continue;
                }
                o.set(c.name(), write(v));
            }
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(v -> a.add(write(v)));
            return a;
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Enum<?> e) {
            return f.textNode(e.name());
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value == null) {
            return f.nullNode();
        }
        throw new IllegalStateException("unsupported value " + value.getClass());
    }
}
