package io.incentivelab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.model.Field;
import io.incentivelab.simulation.model.Scenario;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, generated from the records and their
 * {@link Field} annotations: types, descriptions, defaults, ranges, enum values, no unknown fields.
 * Cross-field rules (shares summing to 1, UIDs fitting a subnet) are stated in the descriptions and
 * checked by the validator, not by the schema.
 */
public final class ScenarioSchema {

    private ScenarioSchema() {
    }

    public static ObjectNode generate() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://incentivelab.io/schema/scenario-v1.json");
        root.put("title", "Incentive Lab scenario");
        ObjectNode body = recordSchema(Scenario.class);
        body.put("description", "A scenario: the network, its subnets, their miners and validators. A file names only"
                + " what it changes; every other field takes its default from the real network. Further rules:"
                + " ownerShare + minerShare + validatorShare = 1; per subnet, miners.operators × uidsPerOperator +"
                + " validators.count ≤ limits.maxUids; subnet names unique; total UIDs × epochs ≤ 250,000,000.");
        root.setAll(body);
        return root;
    }

    public static String generateText() {
        try {
            return ScenarioCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(generate());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode recordSchema(Class<?> type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = f.arrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            Field field = c.getAnnotation(Field.class);
            ObjectNode p = typeSchema(c.getGenericType(), field);
            if (field != null) {
                ObjectNode withDoc = f.objectNode();
                withDoc.put("description", field.doc());
                withDoc.setAll(p);
                p = withDoc;
                if (field.def().isEmpty()) {
                    required.add(c.getName());
                } else {
                    p.set("default", parse(field.def()));
                }
            }
            props.set(c.getName(), p);
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode typeSchema(Type type, Field field) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Class<?> raw = ScenarioCodec.rawClass(type);
        ObjectNode o = f.objectNode();
        if (raw.isRecord()) {
            return recordSchema(raw);
        } else if (raw == int.class || raw == Integer.class) {
            o.put("type", "integer");
            range(o, field);
        } else if (raw == double.class || raw == Double.class) {
            o.put("type", "number");
            range(o, field);
        } else if (raw == boolean.class) {
            o.put("type", "boolean");
        } else if (raw == String.class) {
            o.put("type", "string");
        } else if (raw.isEnum()) {
            o.put("type", "string");
            ArrayNode e = o.putArray("enum");
            for (Object c : raw.getEnumConstants()) {
                e.add(((Enum<?>) c).name());
            }
        } else if (raw == java.util.List.class) {
            o.put("type", "array");
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            o.set("items", typeSchema(element, field));
            if (field != null && field.minItems() > 0) {
                o.put("minItems", field.minItems());
            }
            if (field != null && field.maxItems() != Integer.MAX_VALUE) {
                o.put("maxItems", field.maxItems());
            }
        } else {
            throw new IllegalStateException("unsupported type " + type);
        }
        return o;
    }

    private static void range(ObjectNode o, Field field) {
        if (field == null) {
            return;
        }
        if (field.min() != Double.NEGATIVE_INFINITY) {
            o.set(field.minExclusive() ? "exclusiveMinimum" : "minimum", number(field.min()));
        }
        if (field.max() != Double.POSITIVE_INFINITY) {
            o.set("maximum", number(field.max()));
        }
    }

    private static JsonNode number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return JsonNodeFactory.instance.numberNode((long) v);
        }
        return JsonNodeFactory.instance.numberNode(v);
    }

    private static JsonNode parse(String json) {
        try {
            return ScenarioCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
