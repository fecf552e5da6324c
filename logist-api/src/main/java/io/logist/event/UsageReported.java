package io.logist.event;

import io.logist.Usage;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent reported usage while the step ran.
 *
 * @param delta     what this report adds
 * @param stepTotal what the step used so far
 */
public record UsageReported(long seq, Instant ts, int n, Usage delta, Usage stepTotal) implements JobEvent {
    @Override
    public String type() {
        return "step.usage";
    }

    @Override
    public Optional<Integer> step() {
        return Optional.of(n);
    }
}
