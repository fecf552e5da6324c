package io.logist.agent.support;

import io.logist.BadInputException;
import io.logist.spi.AgentProvider;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link AgentProvider} for an agent that runs a command-line tool: its probe reads the options as a step
 * would, so that an invalid one makes the agent unavailable with the reason, then finds the tool and asks it for its
 * version. A subclass names the agent, its own options and its tool, reads its options and creates the agent.
 */
public abstract class CliAgentProvider implements AgentProvider {
    private final String id;
    private final List<OptionSpec> options;
    private final ToolProbe tool;

    /**
     * @param id      the agent's id, as users write it in {@code agent:}
     * @param options the options it understands beyond the {@link CommonOptions}
     * @param tool    its command-line tool
     */
    protected CliAgentProvider(String id, List<OptionSpec> options, ToolProbe tool) {
        this.id = Objects.requireNonNull(id, "id");
        this.options = List.copyOf(options);
        this.tool = Objects.requireNonNull(tool, "tool");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<OptionSpec> options() {
        return options;
    }

    @Override
    public final Probe probe(Map<String, Object> options, Map<String, String> environment) {
        CommonOptions common;
        try {
            common = commonOptions(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return tool.probe(id, common.path(), environment);
    }

    /**
     * Reads and validates all of the agent's options, as preparing a step does, and returns the common ones.
     *
     * @throws BadInputException naming every invalid option
     */
    protected abstract CommonOptions commonOptions(Map<String, Object> options);
}
