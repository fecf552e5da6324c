package io.logist.core.internal.sentinel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an output line can say about the step beyond its content, as the observer's patterns read it. */
public enum Signal {
    /** The model service refuses requests for now. */
    RATE_LIMIT("rate-limit"),
    /** The credentials were refused. */
    AUTH_FAILED("auth-failed"),
    /** The conversation no longer fits the model. */
    CONTEXT_OVERFLOW("context-overflow"),
    /** The model service could not be reached. */
    NETWORK_ERROR("network-error"),
    /** The agent asks a question on a terminal nobody watches. */
    WAITING_INPUT("waiting-input");

    private final String id;

    Signal(String id) {
        this.id = id;
    }

    /** The name used in {@code signals:} of {@code logist.yml} and in events. */
    public String id() {
        return id;
    }

    /** Every signal's name, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Signal::id).toList();
    }

    static Optional<Signal> byId(String id) {
        return Arrays.stream(values()).filter(signal -> signal.id.equals(id)).findFirst();
    }
}
