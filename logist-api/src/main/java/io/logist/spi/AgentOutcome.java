package io.logist.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * How an agent's oneshot ended, read from its output after it exited.
 *
 * @param finalMessage the agent's last message, where Logist looks for the verdict
 * @param error        the failure the output reports, when it reports one
 */
public record AgentOutcome(String finalMessage, Optional<AgentError> error) {
    public AgentOutcome {
        Objects.requireNonNull(finalMessage, "finalMessage");
        Objects.requireNonNull(error, "error");
    }
}
