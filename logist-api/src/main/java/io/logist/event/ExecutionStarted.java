package io.logist.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner started the agent.
 *
 * @param command   the command line
 * @param execution how the runner can find the execution again, such as a pid or a container id
 */
public record ExecutionStarted(long seq, Instant ts, int n, List<String> command, Map<String, String> execution)
        implements JobEvent {
    public ExecutionStarted {
        command = List.copyOf(command);
        execution = Map.copyOf(execution);
    }

    @Override
    public String type() {
        return "step.execution";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
