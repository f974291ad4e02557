package io.incentivelab.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
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
import io.incentivelab.simulation.model.ScenarioValidator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

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
        Scenario scenario = (Scenario) readValue(Scenario.class, node, "$", null, problems);
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

    private static Object readValue(Type type, JsonNode node, String path, Field field, List<Problem> problems) {
        Class<?> raw = rawClass(type);
        if (node == null || node.isNull()) {
            problems.add(new Problem(path, node == null ? "is required" : "must not be null"));
            return fallback(type, field);
        }
        if (raw.isRecord()) {
            return readRecord(raw, node, path, problems);
        }
        if (raw == int.class || raw == Integer.class) {
            if (node.isNumber() && isFinite(node) && node.decimalValue().stripTrailingZeros().scale() <= 0
                    && node.decimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return node.decimalValue().intValueExact();
            }
            problems.add(new Problem(path, "must be an integer" + rangeSuffix(field) + " (got " + shortText(node) + ")"));
            return fallback(type, field);
        }
        if (raw == double.class || raw == Double.class) {
            if (node.isNumber() && isFinite(node)) {
                return node.doubleValue();
            }
            problems.add(new Problem(path, (node.isNumber() ? "must be a finite number" : "must be a number")
                    + rangeSuffix(field) + " (got " + shortText(node) + ")"));
            return fallback(type, field);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            problems.add(new Problem(path, "must be true or false (got " + shortText(node) + ")"));
            return fallback(type, field);
        }
        if (raw == String.class) {
            if (node.isTextual()) {
                return node.textValue();
            }
            problems.add(new Problem(path, "must be a string (got " + shortText(node) + ")"));
            return fallback(type, field);
        }
        if (raw.isEnum()) {
            if (node.isTextual()) {
                for (Object c : raw.getEnumConstants()) {
                    if (((Enum<?>) c).name().equals(node.textValue())) {
                        return c;
                    }
                }
            }
            problems.add(new Problem(path, "must be one of " + enumNames(raw) + " (got " + shortText(node) + ")"));
            return fallback(type, field);
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                problems.add(new Problem(path, "must be an array (got " + shortText(node) + ")"));
                return List.of();
            }
            if (field != null && node.size() > field.maxItems()) {
                // too long to be valid: say so once instead of reading (and reporting on) every element
                problems.add(new Problem(path, "has " + node.size() + " items; at most " + field.maxItems() + " allowed"));
                return List.of();
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                Object v = readValue(element, node.get(i), path + "[" + i + "]", field, problems);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        throw new IllegalStateException("unsupported scenario field type " + type);
    }

    private static Object readRecord(Class<?> type, JsonNode node, String path, List<Problem> problems) {
        RecordComponent[] comps = type.getRecordComponents();
        if (!node.isObject()) {
            problems.add(new Problem(path, "must be an object (got " + shortText(node) + ")"));
            node = JsonNodeFactory.instance.objectNode();
        }
        List<String> allowed = Arrays.stream(comps).map(RecordComponent::getName).toList();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                problems.add(new Problem(path + "." + name, "unknown field; allowed: " + String.join(", ", allowed)));
            }
        }
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            Field f = c.getAnnotation(Field.class);
            String p = path + "." + c.getName();
            JsonNode given = node.get(c.getName());
            JsonNode def = f == null || f.def().isEmpty() ? null : parseDefault(f, type, c);
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
            args[i] = readValue(c.getGenericType(), value, p, f, problems);
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(
                    Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return ctor.newInstance(args);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static JsonNode parseDefault(Field f, Class<?> owner, RecordComponent c) {
        try {
            return MAPPER.readTree(f.def());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad default of " + owner.getSimpleName() + "." + c.getName(), e);
        }
    }

    /** The value a component takes when a document leaves it out. */
    private static Object defaultOf(Class<?> owner, RecordComponent c, Field f) {
        return readValue(c.getGenericType(), parseDefault(f, owner, c), "$", f, new ArrayList<>());
    }

    /** A stand-in value after a problem, so that reading can go on and report the rest. */
    private static Object fallback(Type type, Field field) {
        Class<?> raw = rawClass(type);
        if (field != null && !field.def().isEmpty() && !raw.isRecord() && raw != List.class) {
            try {
                JsonNode def = MAPPER.readTree(field.def());
                if (!def.isArray() && !def.isObject()) {
                    return readValue(type, def, "$", null, new ArrayList<>());
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (raw == int.class || raw == Integer.class) {
            return field != null && field.min() > 0 && field.min() != Double.POSITIVE_INFINITY ? (int) Math.ceil(field.min()) : 0;
        }
        if (raw == double.class || raw == Double.class) {
            return field != null && Double.isFinite(field.min()) ? Math.max(field.min(), 0) + (field.minExclusive() ? 1 : 0) : 0.0;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw == String.class) {
            return "";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            return List.of();
        }
        if (raw.isRecord()) {
            return readRecord(raw, JsonNodeFactory.instance.objectNode(), "$", new ArrayList<>());
        }
        return null;
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

    static String enumNames(Class<?> e) {
        return Arrays.stream(e.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    // ---- writing ------------------------------------------------------------------------------

    private static JsonNode write(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Record rec) {
            ObjectNode o = f.objectNode();
            for (RecordComponent c : rec.getClass().getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(rec);
                    Field fd = c.getAnnotation(Field.class);
                    if (fd != null && fd.omitDefault() && v != null && v.equals(defaultOf(rec.getClass(), c, fd))) {
                        continue;
                    }
                    o.set(c.getName(), write(v));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException(e);
                }
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
