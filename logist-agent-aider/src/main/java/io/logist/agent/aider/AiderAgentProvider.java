package io.logist.agent.aider;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.AgentProvider;

/**
 * The {@code aider} agent: Aider ({@code pipx install aider-chat}), with the model's key in its usual variable
 * ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...) or the one named by {@code agents.aider.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class AiderAgentProvider extends CliAgentProvider {
    public AiderAgentProvider() {
        super(AiderOptions.ID, AiderOptions.SPECS,
                new ToolProbe(AiderAgent.PROGRAM, "python -m pip install aider-install && aider-install"
                        + " (or: pipx install aider-chat)"),
                options -> AiderOptions.from(options).common(), AiderAgent::new);
    }
}
