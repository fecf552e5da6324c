package io.logist.spi;

import io.logist.Usage;
import java.util.Objects;

/** Something an agent's output line reports while the step runs. */
public sealed interface AgentSignal {

    /** Usage of one model call, added to the step's total. */
    record UsageDelta(Usage usage) implements AgentSignal {
        public UsageDelta {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** The agent's session id, for resuming or reading its own logs. */
    record Session(String id) implements AgentSignal {
        public Session {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Text the agent said. */
    record Message(String text) implements AgentSignal {
        public Message {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A tool the agent called, such as {@code Write src/Login.java}. */
    record ToolCall(String tool, String detail) implements AgentSignal {
        public ToolCall {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A failure the agent reported. */
    record Failure(AgentError error) implements AgentSignal {
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }
}
