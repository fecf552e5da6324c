package io.logist.core.internal.runner;

import java.time.Duration;

/**
 * A monotonic time source in nanoseconds for grace periods and drain bounds. A wall {@link java.time.Clock}
 * would jump with clock adjustments; injecting this lets tests make a long grace period pass at once.
 */
@FunctionalInterface
interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    /** Longest wait measured, so that adding it to any tick still compares correctly. */
    Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 2);

    long nanos();

    /** The tick {@code duration} from now. */
    default long deadline(Duration duration) {
        return nanos() + (duration.compareTo(LONGEST) > 0 ? LONGEST : duration).toNanos();
    }

    /** Whether {@code deadline} (a value from {@link #deadline}) has passed. */
    default boolean passed(long deadline) {
        return nanos() - deadline >= 0;
    }
}
