package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/** A step began provisioning. */
public record StepStarted(long seq, Instant ts, int n, String role, String agent, String runner, boolean reask)
        implements JobEvent {
    @Override
    public String type() {
        return "step.started";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
