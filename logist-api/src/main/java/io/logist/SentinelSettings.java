package io.logist;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sentinel watches a running step (SPEC section 6), beyond the timeouts in {@link Limits}.
 *
 * @param loopRepeats    the same block of output repeated this many times in a row is a loop
 * @param exitGrace      a process still alive this long after its verdict was printed is stopped
 * @param terminateGrace time between the polite signal and the kill when a step is stopped
 * @param retries        retries of a step after a rate limit, a server error or an interruption
 * @param retryBackoff   the wait before the first retry; each further retry waits twice as long
 */
public record SentinelSettings(int loopRepeats, Duration exitGrace, Duration terminateGrace, int retries,
                               Duration retryBackoff) {
    /** The built-in defaults. */
    public static final SentinelSettings DEFAULTS = new SentinelSettings(5, Duration.ofSeconds(30),
            Duration.ofSeconds(5), 3, Duration.ofSeconds(10));

    public SentinelSettings {
        Objects.requireNonNull(exitGrace, "exitGrace");
        Objects.requireNonNull(terminateGrace, "terminateGrace");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
    }
}
