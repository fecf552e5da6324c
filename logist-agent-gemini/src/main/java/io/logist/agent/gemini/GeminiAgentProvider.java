package io.logist.agent.gemini;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import java.util.Map;

/**
 * The {@code gemini} agent: Google's Gemini CLI ({@code npm install -g @google/gemini-cli}), with its key in
 * {@code GEMINI_API_KEY} or the variable named by {@code agents.gemini.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class GeminiAgentProvider extends CliAgentProvider {
    /** The version Logist is tested with. */
    private static final ToolProbe TOOL = new ToolProbe(GeminiAgent.PROGRAM,
            "npm install -g @google/gemini-cli@0.61.0 (or scripts/install-agent-clis.sh in a Logist checkout)");

    public GeminiAgentProvider() {
        super(GeminiOptions.ID, GeminiOptions.SPECS, TOOL);
    }

    @Override
    protected CommonOptions commonOptions(Map<String, Object> options) {
        return GeminiOptions.from(options).common();
    }

    @Override
    public Agent create(AgentContext context) {
        return new GeminiAgent();
    }
}
