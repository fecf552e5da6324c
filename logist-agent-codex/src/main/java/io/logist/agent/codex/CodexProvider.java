package io.logist.agent.codex;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.AgentProvider;

/**
 * The {@code codex} agent: OpenAI's Codex CLI, {@code npm install -g @openai/codex}. Its key is read from
 * {@code OPENAI_API_KEY}, or the variable {@code apiKeyEnv} names; {@code baseUrl} is an OpenAI-compatible
 * endpoint ending in {@code /v1} that speaks the Responses API.
 */
@AutoService(AgentProvider.class)
public final class CodexProvider extends CliAgentProvider {
    public CodexProvider() {
        super(CodexSettings.ID, CodexSettings.OPTIONS,
                // The version Logist is tested with.
                new ToolProbe(CodexAgent.PROGRAM, "npm install -g @openai/codex@0.169.0"
                        + " (or scripts/install-agent-clis.sh in a Logist checkout)"),
                options -> CodexSettings.from(options).common(), CodexAgent::new);
    }
}
