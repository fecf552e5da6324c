package io.logist.agent.support;

import io.logist.BadInputException;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link AgentProvider} for an agent that runs a command-line tool: its probe reads the options as a step
 * would, so that an invalid one makes the agent unavailable with the reason, then finds the tool and asks it for its
 * version. A plugin subclasses it with a public constructor, for {@link java.util.ServiceLoader}:
 *
 * <pre>{@code
 * public final class MyAgentProvider extends CliAgentProvider {
 *     public MyAgentProvider() {
 *         super("my-agent", MyOptions.SPECS, new ToolProbe("my-cli", "npm install -g my-cli@1.2.3"),
 *                 options -> MyOptions.from(options).common(), MyAgent::new);
 *     }
 * }
 * }</pre>
 */
public abstract class CliAgentProvider implements AgentProvider {
    private final String id;
    private final List<OptionSpec> options;
    private final ToolProbe tool;
    private final Function<Map<String, Object>, CommonOptions> readOptions;
    private final Supplier<Agent> agent;

    /**
     * @param id          the agent's id, as users write it in {@code agent:}
     * @param options     the options it understands beyond the {@link CommonOptions}
     * @param tool        its command-line tool
     * @param readOptions reads and validates all of its options, as preparing a step does, and returns the common
     *                    ones; it throws a {@link BadInputException} naming every invalid option
     * @param agent       makes the agent
     */
    protected CliAgentProvider(String id, List<OptionSpec> options, ToolProbe tool,
                               Function<Map<String, Object>, CommonOptions> readOptions, Supplier<Agent> agent) {
        this.id = Objects.requireNonNull(id, "id");
        this.options = List.copyOf(options);
        this.tool = Objects.requireNonNull(tool, "tool");
        this.readOptions = Objects.requireNonNull(readOptions, "readOptions");
        this.agent = Objects.requireNonNull(agent, "agent");
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
            common = readOptions.apply(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return tool.probe(id, common.path(), environment);
    }

    @Override
    public final Agent create(AgentContext context) {
        return agent.get();
    }
}
