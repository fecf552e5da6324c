package io.logist.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link io.logist.Logist.Builder} collected, handed to the {@link EngineFactory}.
 *
 * @param home        the Logist home; absent means {@code $LOGIST_HOME}, else {@code ~/.logist}
 * @param discovery   whether plugins are discovered with {@link java.util.ServiceLoader}
 * @param classLoader where discovery looks
 * @param runners     runner providers registered by hand
 * @param agents      agent providers registered by hand
 * @param store       a store to use instead of the file store under the home
 * @param userConfig  the user's {@code logist.yml}; absent means {@code ~/.config/logist/logist.yml}
 * @param environment the environment agents and runners see as Logist's own
 * @param clock       the time source
 * @param recoverOnStart whether the engine recovers every job whose owner died when it starts
 */
public record EngineOptions(Optional<Path> home, boolean discovery, ClassLoader classLoader,
                            List<RunnerProvider> runners, List<AgentProvider> agents, Optional<JobStore> store,
                            Optional<Path> userConfig, Map<String, String> environment, Clock clock,
                            boolean recoverOnStart) {
    public EngineOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(classLoader, "classLoader");
        runners = List.copyOf(runners);
        agents = List.copyOf(agents);
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(userConfig, "userConfig");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(clock, "clock");
    }
}
