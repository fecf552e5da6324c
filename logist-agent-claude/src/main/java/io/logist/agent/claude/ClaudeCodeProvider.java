package io.logist.agent.claude;

import com.google.auto.service.AutoService;
import io.logist.agent.support.CliAgentProvider;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.AgentProvider;

/**
 * The {@code claude-code} agent: Anthropic's Claude Code CLI, {@code npm install -g @anthropic-ai/claude-code}.
 * Its key is read from {@code ANTHROPIC_API_KEY}, or the variable {@code apiKeyEnv} names; {@code baseUrl} is
 * the Anthropic API's host root, such as a proxy or a local server.
 */
@AutoService(AgentProvider.class)
public final class ClaudeCodeProvider extends CliAgentProvider {
    public ClaudeCodeProvider() {
        super(ClaudeSettings.ID, ClaudeSettings.OPTIONS,
                // The version Logist is tested with; newer ones need Node 22.
                new ToolProbe(ClaudeCodeAgent.PROGRAM, "npm install -g @anthropic-ai/claude-code@2.1.197"
                        + " (or scripts/install-agent-clis.sh in a Logist checkout)"),
                options -> ClaudeSettings.from(options).common(), ClaudeCodeAgent::new);
    }
}
