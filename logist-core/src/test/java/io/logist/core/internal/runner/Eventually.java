package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for something real processes do soon, failing the test after a bound a passing test never reaches. */
final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up after " + PATIENCE + " waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
