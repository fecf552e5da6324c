package io.logist.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.spi.AgentSignal;
import java.util.List;

/**
 * A {@link CliOutputInterpreter} for a CLI that prints one JSON object a line on standard output
 * ({@code stream-json}, JSON Lines), among which it may print lines of plain text.
 */
public abstract class JsonLinesInterpreter extends CliOutputInterpreter {

    /** @param stderrTail where the lines of standard error go, with the noise it leaves out */
    protected JsonLinesInterpreter(StderrTail stderrTail) {
        super(stderrTail);
    }

    @Override
    protected final List<AgentSignal> onStdout(String line) {
        return JsonLines.parse(line).map(this::onEvent).orElseGet(() -> onText(line));
    }

    /** What one JSON event says. */
    protected abstract List<AgentSignal> onEvent(JsonNode event);

    /** What a line that holds no JSON object says: by default, what the CLI said, unless the line is blank. */
    protected List<AgentSignal> onText(String line) {
        return line.isBlank() ? List.of() : List.of(new AgentSignal.Message(line));
    }
}
