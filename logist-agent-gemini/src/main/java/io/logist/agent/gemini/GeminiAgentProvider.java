package io.logist.agent.gemini;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.AgentProvider;

/**
 * The {@code gemini} agent: Google's Gemini CLI ({@code npm install -g @google/gemini-cli}), with its key in
 * {@code GEMINI_API_KEY} or the variable named by {@code agents.gemini.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class GeminiAgentProvider extends CliAgentProvider {
    public GeminiAgentProvider() {
        super(GeminiOptions.ID, GeminiOptions.SPECS,
                // The version Logist is tested with.
                new ToolProbe(GeminiAgent.PROGRAM, "npm install -g @google/gemini-cli@0.61.0"
                        + " (or scripts/install-agent-clis.sh in a Logist checkout)"),
                options -> GeminiOptions.from(options).common(), GeminiAgent::new);
    }
}
