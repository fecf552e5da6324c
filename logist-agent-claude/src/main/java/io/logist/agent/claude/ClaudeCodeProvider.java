package io.logist.agent.claude;

import com.google.auto.service.AutoService;
import io.logist.BadInputException;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.util.List;
import java.util.Map;

/**
 * The {@code claude-code} agent: Anthropic's Claude Code CLI, {@code npm install -g @anthropic-ai/claude-code}.
 * Its key is read from {@code ANTHROPIC_API_KEY}, or the variable {@code apiKeyEnv} names; {@code baseUrl} is
 * the Anthropic API's host root, such as a proxy or a local server.
 */
@AutoService(AgentProvider.class)
public final class ClaudeCodeProvider implements AgentProvider {
    /** The version Logist is tested with; newer ones need Node 22. */
    static final CliBinary BINARY = new CliBinary(ClaudeCodeAgent.PROGRAM, "@anthropic-ai/claude-code@2.1.197");

    @Override
    public String id() {
        return ClaudeSettings.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return ClaudeSettings.OPTIONS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        ClaudeSettings settings;
        try {
            settings = ClaudeSettings.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return BINARY.probe(settings.path(), "agents." + ClaudeSettings.ID + ".path", environment);
    }

    @Override
    public Agent create(AgentContext context) {
        return new ClaudeCodeAgent();
    }
}
