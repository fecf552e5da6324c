package io.logist.agent.cline;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.AgentProvider;

/**
 * The {@code cline} agent: the Cline CLI ({@code npm install -g cline}), with any of its providers; the key is
 * read from the provider's usual variable ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...) or the one
 * named by {@code agents.cline.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class ClineAgentProvider extends CliAgentProvider {
    public ClineAgentProvider() {
        super(ClineOptions.ID, ClineOptions.SPECS,
                // The version Logist is tested with.
                new ToolProbe(ClineAgent.PROGRAM, "npm install -g cline@3.0.65"
                        + " (or scripts/install-agent-clis.sh in a Logist checkout)"),
                options -> ClineOptions.from(options).common(), ClineAgent::new);
    }
}
