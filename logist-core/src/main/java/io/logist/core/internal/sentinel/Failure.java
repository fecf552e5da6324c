package io.logist.core.internal.sentinel;

import io.logist.spi.AgentError;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why a step that failed failed, when its output tells: from the agent's interpreter (which wins) or from the
 * observer's signals. The step's reason starts with the failure's {@link #code()} and a colon, so that the
 * plan can tell from the job's history alone what to do next.
 */
public enum Failure {
    RATE_LIMIT("rate-limit", Remedy.RETRY, "the model service is limiting requests", ""),
    SERVER_ERROR("server-error", Remedy.RETRY, "the model service failed", ""),
    AUTH_FAILED("auth-failed", Remedy.FAIL, "authentication failed",
            "check the agent's credentials: the API key variable it is given (agents.<id>.apiKeyEnv) or its own"
                    + " login"),
    CONTEXT_OVERFLOW("context-overflow", Remedy.INTERVENE, "the conversation no longer fits the model's context",
            "make the task smaller or split it, then resubmit"),
    NETWORK_ERROR("network-error", Remedy.INTERVENE, "the model service could not be reached",
            "check the network and the agent's baseUrl, then resubmit");

    /** What Logist does about a failure. */
    public enum Remedy {
        /** The step runs again after a backoff, a bounded number of times. */
        RETRY,
        /** The job fails: running it again cannot help. */
        FAIL,
        /** The job waits for a person. */
        INTERVENE
    }

    private final String code;
    private final Remedy remedy;
    private final String headline;
    private final String advice;

    Failure(String code, Remedy remedy, String headline, String advice) {
        this.code = code;
        this.remedy = remedy;
        this.headline = headline;
        this.advice = advice;
    }

    /** The word that starts the step's reason, such as {@code rate-limit}. */
    public String code() {
        return code;
    }

    public Remedy remedy() {
        return remedy;
    }

    /** The step's reason: the code, what happened in general, the agent's {@code detail}, and what to do. */
    public String reason(String detail) {
        return code + ": " + headline + ": " + detail + (advice.isEmpty() ? "" : "; " + advice);
    }

    /** The failure a structured agent error names; {@link AgentError.Kind#OTHER} names none. */
    public static Optional<Failure> of(AgentError.Kind kind) {
        return Optional.ofNullable(switch (kind) {
            case AUTHENTICATION -> AUTH_FAILED;
            case RATE_LIMIT -> RATE_LIMIT;
            case SERVER -> SERVER_ERROR;
            case CONTEXT_OVERFLOW -> CONTEXT_OVERFLOW;
            case NETWORK -> NETWORK_ERROR;
            case OTHER -> null;
        });
    }

    /** The failure an output signal points to; waiting for input is a stop, not a failure. */
    public static Optional<Failure> of(Signal signal) {
        return Optional.ofNullable(switch (signal) {
            case RATE_LIMIT -> RATE_LIMIT;
            case AUTH_FAILED -> AUTH_FAILED;
            case CONTEXT_OVERFLOW -> CONTEXT_OVERFLOW;
            case NETWORK_ERROR -> NETWORK_ERROR;
            case WAITING_INPUT -> null;
        });
    }

    /** The failure a step's reason starts with, if any. */
    public static Optional<Failure> ofReason(String reason) {
        return Arrays.stream(values()).filter(f -> reason.startsWith(f.code + ":")).findFirst();
    }
}
