package io.logist.event;

import io.logist.StepPhase;
import java.time.Instant;
import java.util.Optional;

/** A step moved to its next phase. */
public record PhaseChanged(long seq, Instant ts, int n, StepPhase phase) implements JobEvent {
    @Override
    public String type() {
        return "step.phase";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
