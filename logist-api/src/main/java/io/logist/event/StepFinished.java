package io.logist.event;

import io.logist.StepOutcome;
import io.logist.Usage;
import java.time.Instant;
import java.util.Optional;

/** A step ended and its checkpoint was committed. */
public record StepFinished(long seq, Instant ts, int n, StepOutcome outcome, Optional<String> reason,
                           Optional<Integer> exitCode, Optional<String> summary, Optional<String> commit,
                           Usage usage) implements JobEvent {
    @Override
    public String type() {
        return "step.finished";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
