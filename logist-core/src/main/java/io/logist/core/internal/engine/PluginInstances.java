package io.logist.core.internal.engine;

import io.logist.PluginException;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runners and agents built from the providers, once each, on first use; closed with the engine. */
final class PluginInstances implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginInstances.class);

    private final Plugins plugins;
    private final RunnerContext runnerContext;
    private final AgentContext agentContext;
    private final Map<String, Runner> runners = new ConcurrentHashMap<>();
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();

    PluginInstances(Plugins plugins, RunnerContext runnerContext, AgentContext agentContext) {
        this.plugins = plugins;
        this.runnerContext = runnerContext;
        this.agentContext = agentContext;
    }

    Plugins plugins() {
        return plugins;
    }

    /** The Logist home the runners were built with. */
    Path home() {
        return runnerContext.home();
    }

    Runner runner(String id) {
        return runners.computeIfAbsent(id, key ->
                built("runner", key, () -> plugins.runner(key).create(runnerContext)));
    }

    Agent agent(String id) {
        return agents.computeIfAbsent(id, key ->
                built("agent", key, () -> plugins.agent(key).create(agentContext)));
    }

    /** A plugin's failure is wrapped with its id and keeps its cause. */
    private static <T> T built(String kind, String id, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (io.logist.LogistException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginException(kind + " plugin '" + id + "' failed to start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        runners.forEach((id, runner) -> {
            try {
                runner.close();
            } catch (Exception e) {
                LOG.warn("runner '{}' failed to close", id, e);
            }
        });
    }
}
