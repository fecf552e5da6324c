package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/** The observer classified an output line of the step as a signal, such as {@code rate-limit}. */
public record SignalRaised(long seq, Instant ts, int n, String signal, String line) implements JobEvent {
    @Override
    public String type() {
        return "step.signal";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
