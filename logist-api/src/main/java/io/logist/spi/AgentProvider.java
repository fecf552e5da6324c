package io.logist.spi;

import java.util.List;
import java.util.Map;

/**
 * An agent plugin, found with {@link java.util.ServiceLoader}. Cheap to load: the agent itself is built
 * in {@link #create(AgentContext)}.
 */
public interface AgentProvider {

    /** The stable id used in {@code agent:}, such as {@code mock} or {@code claude-code}. */
    String id();

    /**
     * The options this agent understands beyond the ones every agent understands ({@code model},
     * {@code path}, {@code baseUrl}, {@code apiKeyEnv}, {@code env}, {@code extraArgs},
     * {@code inheritUserConfig}).
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * Whether the agent's tool can be found and run with these {@code agents.<id>.*} options.
     *
     * @param environment the environment agents run with, whose {@code PATH} finds the tool
     */
    Probe probe(Map<String, Object> options, Map<String, String> environment);

    Agent create(AgentContext context);
}
