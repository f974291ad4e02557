package io.incentivelab.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile variants of a valid document: one value somewhere in the tree replaced by a wrong type,
 * NaN/Infinity, a huge number, a huge array, deep nesting or an unknown enum value; a field removed or an unknown
 * one added; or the text itself broken (truncated, not JSON, bare NaN, nested 5,000 deep).
 */
final class HostileDocuments {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String BARE = "__bare__";

    static final List<String> KINDS = List.of("wrongType", "nan", "infinity", "hugeNumber", "negative", "hugeArray",
            "deepNesting", "unknownEnum", "removeField", "unknownField", "nullValue", "hugeString");
    static final List<String> TEXT_KINDS = List.of("truncated", "notJson", "bareNaN", "deepText", "empty", "array");

    private HostileDocuments() {
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A variant of {@code base} with one hostile change, chosen by {@code kind} and placed by {@code seed}. */
    static String mutate(String base, String kind, long seed) {
        Random random = new Random(seed);
        if (TEXT_KINDS.contains(kind)) {
            return mutateText(base, kind, random);
        }
        try {
            JsonNode root = JSON.readTree(base);
            List<JsonNode[]> slots = new ArrayList<>(); // {parent, key-or-index as text node}
            collect(root, slots);
            JsonNode[] slot = slots.get(random.nextInt(slots.size()));
            JsonNode parent = slot[0];
            JsonNode key = slot[1];
            JsonNode replacement = switch (kind) {
                case "wrongType" -> pick(random, F.textNode("abc"), F.arrayNode().add(1), F.objectNode().put("x", 1),
                        F.booleanNode(true), F.numberNode(7));
                // written as bare tokens below (Jackson would quote them as strings)
                case "nan" -> F.textNode(BARE + "NaN");
                case "infinity" -> F.textNode(BARE + (random.nextBoolean() ? "Infinity" : "-Infinity"));
                case "hugeNumber" -> pick(random, F.numberNode(1e308), F.numberNode(new BigInteger("9".repeat(40))),
                        F.numberNode(Long.MAX_VALUE), F.numberNode(-1e308));
                case "negative" -> F.numberNode(-1 - random.nextInt(1_000_000));
                case "hugeArray" -> {
                    ArrayNode array = F.arrayNode();
                    for (int i = 0; i < 200_000; i++) {
                        array.add(i);
                    }
                    yield array;
                }
                case "deepNesting" -> {
                    JsonNode nested = F.numberNode(1);
                    for (int i = 0; i < 200; i++) {
                        nested = F.arrayNode().add(nested);
                    }
                    yield nested;
                }
                case "unknownEnum" -> F.textNode("NO_SUCH_" + random.nextInt(100));
                case "nullValue" -> F.nullNode();
                case "hugeString" -> F.textNode("x".repeat(1_000_000));
                case "removeField", "unknownField" -> null;
                default -> throw new IllegalArgumentException(kind);
            };
            if (parent instanceof ObjectNode object) {
                String field = key.asText();
                switch (kind) {
                    case "removeField" -> object.remove(field);
                    case "unknownField" -> object.put("unexpected_" + random.nextInt(1000), 1);
                    default -> object.set(field, replacement);
                }
            } else if (parent instanceof ArrayNode array) {
                int index = key.asInt();
                switch (kind) {
                    case "removeField" -> array.remove(index);
                    case "unknownField" -> array.add(F.objectNode().put("unexpected", 1));
                    default -> array.set(index, replacement);
                }
            }
            return JSON.writeValueAsString(root).replaceAll("\"" + BARE + "([^\"]*)\"", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mutateText(String base, String kind, Random random) {
        return switch (kind) {
            // cut within the document itself: cutting only a trailing newline would leave it valid
            case "truncated" -> {
                String text = base.strip();
                yield text.substring(0, 1 + random.nextInt(text.length() - 1));
            }
            case "notJson" -> "this is not { json " + random.nextInt();
            case "bareNaN" -> base.replaceFirst(":\\s*(\\d+(\\.\\d+)?)", ": NaN");
            case "deepText" -> "[".repeat(5_000) + "]".repeat(5_000);
            case "empty" -> "";
            case "array" -> "[" + base + "]";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new JsonNode[] {object, F.textNode(name)});
                collect(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new JsonNode[] {array, F.numberNode(i)});
                collect(array.get(i), slots);
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
