package io.cryptotracker.common.web.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.NullNode;

/**
 * Refuses, with its JSON path, every time outside {@link StorableTime}'s years and every string in a request body that breaks {@link InputText}'s rule: String fields
 * of records (and lists and maps of them) and every text and field name of a body read as a {@link JsonNode} tree.
 */
public class InputTextModule extends SimpleModule {

    public InputTextModule() {
        super("cryptotracker-input-text");
        addDeserializer(String.class, new CheckedString());
        addDeserializer(JsonNode.class, new CheckedTree());
        addDeserializer(Instant.class, new CheckedInstant());
    }

    /** The standard Instant deserializer, then {@link StorableTime}'s range: year 1,000,000,000 is no 500. */
    static final class CheckedInstant extends StdDeserializer<Instant> {

        CheckedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            Instant value;
            try {
                value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            }
            catch (DateTimeException ex) {
                throw new InvalidTimeException(p, p.getString());
            }
            if (!StorableTime.isStorable(value)) {
                throw new InvalidTimeException(p, value);
            }
            return value;
        }
    }

    /** The standard String deserializer, then the check. */
    static final class CheckedString extends StdDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (!InputText.isValid(value)) {
                throw new InvalidTextException(p, value);
            }
            return value;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return null;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** The standard tree, then a walk over it: the first refused text or field name fails with its path. */
    static final class CheckedTree extends StdDeserializer<JsonNode> {

        @SuppressWarnings("unchecked")
        private static final ValueDeserializer<JsonNode> TREES = (ValueDeserializer<JsonNode>) (ValueDeserializer<?>)
                JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            JsonNode tree = TREES.deserialize(p, ctxt);
            List<Object> path = new ArrayList<>();
            String refused = firstRefused(tree, path);
            if (refused != null) {
                JacksonException ex = new InvalidTextException(p, refused);
                for (int i = path.size() - 1; i >= 0; i--) {
                    ex = path.get(i) instanceof Integer index ? ex.prependPath(tree, index)
                            : ex.prependPath(tree, (String) path.get(i));
                }
                throw ex;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext ctxt) {
            return NullNode.getInstance();
        }

        /** The first refused text below the node (its path left in {@code path}), or null. */
        private static String firstRefused(JsonNode node, List<Object> path) {
            if (node.isString()) {
                return InputText.isValid(node.asString()) ? null : node.asString();
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    path.add(field.getKey());
                    String refused = InputText.isValid(field.getKey()) ? firstRefused(field.getValue(), path)
                            : field.getKey();
                    if (refused != null) {
                        return refused;
                    }
                    path.remove(path.size() - 1);
                }
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    path.add(i);
                    String refused = firstRefused(node.get(i), path);
                    if (refused != null) {
                        return refused;
                    }
                    path.remove(path.size() - 1);
                }
            }
            return null;
        }
    }
}
