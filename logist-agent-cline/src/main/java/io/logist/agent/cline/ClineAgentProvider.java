package io.logist.agent.cline;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import java.util.Map;

/**
 * The {@code cline} agent: the Cline CLI ({@code npm install -g cline}), with any of its providers; the key is
 * read from the provider's usual variable ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...) or the one
 * named by {@code agents.cline.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class ClineAgentProvider extends CliAgentProvider {
    /** The version Logist is tested with. */
    private static final ToolProbe TOOL = new ToolProbe(ClineAgent.PROGRAM,
            "npm install -g cline@3.0.65 (or scripts/install-agent-clis.sh in a Logist checkout)");

    public ClineAgentProvider() {
        super(ClineOptions.ID, ClineOptions.SPECS, TOOL);
    }

    @Override
    protected CommonOptions commonOptions(Map<String, Object> options) {
        return ClineOptions.from(options).common();
    }

    @Override
    public Agent create(AgentContext context) {
        return new ClineAgent();
    }
}
