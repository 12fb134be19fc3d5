package io.cryptotracker.testsupport;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads schemas of one OpenAPI document: follows references and builds a sample value a schema accepts. */
final class OpenApiSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;

    OpenApiSamples(JsonNode document) {
        this.document = document;
    }

    /** The schema a reference, or the first of an {@code allOf}/{@code oneOf}, stands for. */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty() && depth < 8) {
            JsonNode target = document.at(ref.substring(1));
            return resolve(target, depth + 1);
        }
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            return resolve(schema.path("allOf").get(0), depth + 1);
        }
        if (schema.has("oneOf") && schema.path("oneOf").size() > 0) {
            return resolve(schema.path("oneOf").get(0), depth + 1);
        }
        return schema;
    }

    /** A value the schema accepts: its example, its first enum constant, or one made from its type and format. */
    JsonNode sample(JsonNode schema) {
        return sample(resolve(schema), 0);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        if (schema.has("example") && !schema.path("example").isContainer()) {
            return schema.path("example");
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString()
                : schema.path("type").asString(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(sample(resolve(schema.path("items")), depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sample(resolve(property.getValue()), depth + 1));
                    }
                }
                return object;
            }
            default:
                return NODES.stringNode(sampleText(schema.path("format").asString("")));
        }
    }

    private static String sampleText(String format) {
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            case "email" -> "sweep-" + UUID.randomUUID() + "@example.com";
            default -> "sweep";
        };
    }
}
