package io.logist.testkit.model;

import java.util.Objects;

/**
 * An answer to write: the request, what the model says, and the answer's number on this server, which makes
 * its ids unique.
 */
record Completion(ModelCall call, Reply reply, long number) {
    Completion {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(reply, "reply");
    }

    long inputTokens() {
        return call.inputTokens();
    }

    long outputTokens() {
        return reply.outputTokens();
    }

    String id(String prefix) {
        return prefix + "_scripted_" + number;
    }
}
