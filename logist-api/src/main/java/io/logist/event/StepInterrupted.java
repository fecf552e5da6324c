package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/**
 * The step's execution was lost, for example because the orchestrating process died; the step is retried from
 * its checkpoint.
 */
public record StepInterrupted(long seq, Instant ts, int n, String reason) implements JobEvent {
    @Override
    public String type() {
        return "step.interrupted";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
