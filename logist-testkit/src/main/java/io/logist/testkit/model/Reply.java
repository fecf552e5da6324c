package io.logist.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** What the scripted model says in one answer, before it is written in an API's format. */
sealed interface Reply {

    /** The tokens the answer is counted as. */
    long outputTokens();

    /** Text that ends the model's turn. */
    record Text(String text) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public long outputTokens() {
            return ModelCall.tokens(text);
        }
    }

    /**
     * A call of one of the offered tools.
     *
     * @param callId the id the CLI returns the tool's result under
     * @param tool   the tool's name
     * @param input  the JSON arguments of a function tool, or the text of a freeform tool
     */
    record ToolUse(String callId, String tool, JsonNode input) implements Reply {
        public ToolUse {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(input, "input");
        }

        @Override
        public long outputTokens() {
            return ModelCall.tokens(input.toString());
        }

        /** The arguments as a JSON object, for APIs that have no freeform tools. */
        ObjectNode arguments() {
            if (input instanceof ObjectNode object) {
                return object;
            }
            return Json.MAPPER.createObjectNode().put("input", input.asText());
        }

        /** The arguments as the JSON text most APIs carry them in. */
        String argumentsText() {
            return arguments().toString();
        }
    }
}
