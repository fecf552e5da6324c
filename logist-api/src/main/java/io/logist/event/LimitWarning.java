package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/** A limit is 80 percent used; {@code detail} gives the figures. */
public record LimitWarning(long seq, Instant ts, int n, String limit, String detail) implements JobEvent {
    @Override
    public String type() {
        return "step.limit-warning";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
