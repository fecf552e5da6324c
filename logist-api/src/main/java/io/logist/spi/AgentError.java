package io.logist.spi;

import java.util.Objects;

/**
 * A failure the agent's output reports.
 *
 * @param kind    what kind, which decides what Logist does next
 * @param message the agent's words
 */
public record AgentError(Kind kind, String message) {
    /** Kinds of agent failures, by what Logist does about them. */
    public enum Kind {
        /** Bad or missing credentials: the job fails. */
        AUTHENTICATION,
        /** Too many requests: retried with backoff. */
        RATE_LIMIT,
        /** The model service failed: retried with backoff. */
        SERVER,
        /** The conversation no longer fits the model: a human is needed. */
        CONTEXT_OVERFLOW,
        /** The model service could not be reached. */
        NETWORK,
        /** Anything else. */
        OTHER
    }

    public AgentError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
