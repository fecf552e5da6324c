package io.logist.core.internal.sentinel;

import java.time.Duration;

/** The wait before a retry: {@code sentinel.retryBackoff}, doubled for every retry before it. */
public final class Backoff {
    /** Doubling stops here rather than overflowing {@link Duration}. */
    private static final Duration LONGEST = Duration.ofDays(365);

    private Backoff() {
    }

    /** The wait before retry number {@code retry}, counted from 1. */
    public static Duration before(Duration base, int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1, not " + retry);
        }
        Duration wait = base;
        for (int i = 1; i < retry && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
