package io.incentivelab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.model.Field;
import io.incentivelab.simulation.model.ScenarioModel;
import io.incentivelab.simulation.model.ScenarioModel.Kind;
import io.incentivelab.simulation.model.ScenarioModel.Property;
import io.incentivelab.simulation.model.ScenarioModel.RecordType;

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
        ObjectNode body = recordSchema(ScenarioModel.get().root());
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

    private static ObjectNode recordSchema(RecordType type) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = f.arrayNode();
        for (Property c : type.properties()) {
            Field field = c.field();
            ObjectNode p = typeSchema(c, c.kind());
            if (field != null) {
                ObjectNode withDoc = f.objectNode();
                withDoc.put("description", field.doc());
                withDoc.setAll(p);
                p = withDoc;
                if (field.def().isEmpty()) {
                    required.add(c.name());
                } else {
                    p.set("default", ScenarioDefaults.of(c).deepCopy());
                }
            }
            props.set(c.name(), p);
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    /** The schema of a property's value (kind = its kind) or of one of its elements (kind = its element kind). */
    private static ObjectNode typeSchema(Property prop, Kind kind) {
        Field field = prop.field();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        switch (kind) {
            case GROUP -> {
                return recordSchema(prop.record());
            }
            case INTEGER -> {
                o.put("type", "integer");
                range(o, field);
            }
            case NUMBER -> {
                o.put("type", "number");
                range(o, field);
            }
            case BOOLEAN -> o.put("type", "boolean");
            case TEXT -> o.put("type", "string");
            case CHOICE -> {
                o.put("type", "string");
                ArrayNode e = o.putArray("enum");
                prop.choices().forEach(e::add);
            }
            case LIST -> {
                o.put("type", "array");
                o.set("items", typeSchema(prop, prop.elementKind()));
                if (field != null && field.minItems() > 0) {
                    o.put("minItems", field.minItems());
                }
                if (field != null && field.maxItems() != Integer.MAX_VALUE) {
                    o.put("maxItems", field.maxItems());
                }
            }
            default -> throw new IllegalStateException("unsupported kind " + kind);
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
}
