package io.logist.agent.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the lines of a CLI that prints one JSON object a line ({@code stream-json}, JSON Lines), among which it may
 * print lines of plain text.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /** The JSON object on this line; empty when the line holds no JSON object, such as plain text or a warning. */
    public static Optional<JsonNode> parse(String line) {
        if (!line.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(line)).filter(JsonNode::isObject);
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
