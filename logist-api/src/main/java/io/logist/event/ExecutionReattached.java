package io.logist.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * After a crash of the orchestrating process, Logist found the step's execution still running and follows it
 * again.
 */
public record ExecutionReattached(long seq, Instant ts, int n, Map<String, String> execution) implements JobEvent {
    public ExecutionReattached {
        execution = Map.copyOf(execution);
    }

    @Override
    public String type() {
        return "step.reattached";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
