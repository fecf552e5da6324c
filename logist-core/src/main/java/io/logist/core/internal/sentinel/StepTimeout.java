package io.logist.core.internal.sentinel;

import io.logist.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code step-timeout}: the step ran longer than {@code limits.stepTimeout}. */
final class StepTimeout implements TimedRule {
    private final Duration timeout;
    private final Instant startedAt;

    StepTimeout(Duration timeout, Instant startedAt) {
        this.timeout = timeout;
        this.startedAt = startedAt;
    }

    @Override
    public Optional<Stop> check(Instant now) {
        return Duration.between(startedAt, now).compareTo(timeout) >= 0
                ? Optional.of(Stop.kill("step-timeout: the step ran longer than " + Durations.format(timeout)))
                : Optional.empty();
    }
}
