package io.logist.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a runner is built with.
 *
 * @param home        the Logist home
 * @param environment Logist's own environment, to find engine binaries
 * @param clock       the time source
 */
public record RunnerContext(Path home, Map<String, String> environment, Clock clock) {
    public RunnerContext {
        Objects.requireNonNull(home, "home");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }
}
