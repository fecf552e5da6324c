package io.logist.core.internal.sentinel;

import io.logist.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code idle-timeout}: the step printed nothing for {@code limits.idleTimeout}. */
final class IdleTimeout implements TimedRule {
    private final Duration timeout;
    private Instant lastOutput;

    IdleTimeout(Duration timeout, Instant start) {
        this.timeout = timeout;
        this.lastOutput = start;
    }

    /** Something was printed at {@code at}, or the wait starts over from it. */
    void output(Instant at) {
        if (at.isAfter(lastOutput)) {
            lastOutput = at;
        }
    }

    @Override
    public Optional<Stop> check(Instant now) {
        return Duration.between(lastOutput, now).compareTo(timeout) >= 0
                ? Optional.of(Stop.kill("idle-timeout: no output for " + Durations.format(timeout)))
                : Optional.empty();
    }
}
