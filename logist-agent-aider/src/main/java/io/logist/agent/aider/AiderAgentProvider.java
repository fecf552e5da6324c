package io.logist.agent.aider;

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
 * The {@code aider} agent: Aider ({@code pipx install aider-chat}), with the model's key in its usual variable
 * ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...) or the one named by {@code agents.aider.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class AiderAgentProvider implements AgentProvider {
    private static final ToolProbe TOOL = new ToolProbe(AiderAgent.PROGRAM,
            "install it from PyPI with: python -m pip install aider-install && aider-install"
                    + " (or: pipx install aider-chat)");

    @Override
    public String id() {
        return AiderOptions.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return AiderOptions.SPECS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        AiderOptions read;
        try {
            read = AiderOptions.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return TOOL.probe(read.path(), environment);
    }

    @Override
    public Agent create(AgentContext context) {
        return new AiderAgent();
    }
}
