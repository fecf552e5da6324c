package io.logist.agent.support;

import io.logist.spi.AgentError.Kind;

/** What kind of failure a model API's answer was, for the CLIs that report its HTTP status. */
public final class FailureKinds {
    private FailureKinds() {
    }

    /**
     * The kind an HTTP status says: a refused key, a rate limit, a prompt too large, a server error; {@link Kind#OTHER}
     * for any other status, when the words of the message have to decide.
     */
    public static Kind ofHttpStatus(int status) {
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 429) {
            return Kind.RATE_LIMIT;
        }
        if (status == 413) {
            return Kind.CONTEXT_OVERFLOW;
        }
        return status >= 500 && status <= 599 ? Kind.SERVER : Kind.OTHER;
    }
}
