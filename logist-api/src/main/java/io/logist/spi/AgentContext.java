package io.logist.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What an agent is built with.
 *
 * @param home        the Logist home
 * @param environment Logist's own environment, to find binaries and keys by name
 * @param clock       the time source
 */
public record AgentContext(Path home, Map<String, String> environment, Clock clock) {
    public AgentContext {
        Objects.requireNonNull(home, "home");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }
}
