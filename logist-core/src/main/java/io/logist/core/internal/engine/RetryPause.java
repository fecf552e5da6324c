package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.spi.JobStore;
import io.logist.spi.OwnerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits out the backoff before a retry, while still answering a cancel or suspend from another process within
 * a poll. Time comes from the clock and the waiting from the sleeper, so that tests pass both.
 */
final class RetryPause {
    /** Waits; the real one sleeps the thread. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper SYSTEM = duration -> Thread.sleep(Math.max(1, duration.toMillis()));

        void sleep(Duration duration) throws InterruptedException;
    }

    private final JobStore store;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;

    RetryPause(JobStore store, Clock clock, Sleeper sleeper, Duration poll) {
        this.store = store;
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
    }

    /** Waits {@code pause}; returns early with what another process asked for, if it asked. */
    Optional<OwnerRequest> await(JobId id, Duration pause) throws InterruptedException {
        Instant end = clock.instant().plus(pause);
        while (true) {
            Optional<OwnerRequest> request = store.takeRequest(id);
            Duration left = Duration.between(clock.instant(), end);
            if (request.isPresent() || left.isZero() || left.isNegative()) {
                return request;
            }
            sleeper.sleep(left.compareTo(poll) < 0 ? left : poll);
        }
    }
}
