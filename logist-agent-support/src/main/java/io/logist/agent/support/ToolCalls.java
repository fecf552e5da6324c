package io.logist.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a tool call a CLI reports is about, in a few words, for an {@link io.logist.spi.AgentSignal.ToolCall}. */
public final class ToolCalls {
    /** The most characters a detail has, the ellipsis of a shortened one included. */
    public static final int DETAIL_LENGTH = 200;
    private static final String ELLIPSIS = "...";

    private ToolCalls() {
    }

    /**
     * The first of the telling fields that the call's input has as text, such as its file or its command; else the
     * whole input, shortened.
     *
     * @param tellingFields the input's fields that say best what a call does, in the order they are looked for
     */
    public static String detail(JsonNode input, List<String> tellingFields) {
        for (String field : tellingFields) {
            if (input.path(field).isTextual()) {
                return shortened(input.path(field).asText());
            }
        }
        return shortened(input.isMissingNode() ? "" : input.toString());
    }

    /** The text, cut to {@link #DETAIL_LENGTH} characters with an ellipsis when it is longer. */
    public static String shortened(String text) {
        return text.length() <= DETAIL_LENGTH ? text
                : text.substring(0, DETAIL_LENGTH - ELLIPSIS.length()) + ELLIPSIS;
    }
}
