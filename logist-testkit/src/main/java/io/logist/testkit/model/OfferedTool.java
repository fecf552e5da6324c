package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tool a request offers the model.
 *
 * @param name       the tool's name, such as {@code Write}
 * @param freeform   whether it takes free text instead of JSON arguments (the Responses API's custom tools)
 * @param properties its JSON arguments, by name, with their JSON Schema type ({@code string}, {@code array}, or
 *                   empty when the schema names none)
 */
record OfferedTool(String name, boolean freeform, Map<String, String> properties) {
    OfferedTool {
        properties = Map.copyOf(properties);
    }

    /** A function tool whose arguments are described by a JSON Schema object, possibly missing. */
    static OfferedTool function(String name, JsonNode schema) {
        Map<String, String> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(property ->
                properties.put(property.getKey(), typeOf(property.getValue())));
        return new OfferedTool(name, false, properties);
    }

    static OfferedTool freeform(String name) {
        return new OfferedTool(name, true, Map.of());
    }

    /** The first of these argument names that the tool declares, else the first of them. */
    String argument(String... candidates) {
        for (String candidate : candidates) {
            if (properties.containsKey(candidate)) {
                return candidate;
            }
        }
        return candidates[0];
    }

    boolean isArray(String argument) {
        return "array".equals(properties.get(argument));
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        // Gemini's schemas spell types in capitals (STRING, ARRAY).
        return Optional.of(type.isArray() ? type.path(0) : type).filter(JsonNode::isTextual)
                .map(node -> node.asText().toLowerCase(java.util.Locale.ROOT)).orElse("");
    }
}
