package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/** The step's verdict was missing or invalid; {@code error} says why. */
public record VerdictRejected(long seq, Instant ts, int n, String error) implements JobEvent {
    @Override
    public String type() {
        return "step.verdict-rejected";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
