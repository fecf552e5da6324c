package io.logist.agent.codex;

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
 * The {@code codex} agent: OpenAI's Codex CLI, {@code npm install -g @openai/codex}. Its key is read from
 * {@code OPENAI_API_KEY}, or the variable {@code apiKeyEnv} names; {@code baseUrl} is an OpenAI-compatible
 * endpoint ending in {@code /v1} that speaks the Responses API.
 */
@AutoService(AgentProvider.class)
public final class CodexProvider implements AgentProvider {
    /** The version Logist is tested with. */
    static final CliBinary BINARY = new CliBinary(CodexAgent.PROGRAM, "@openai/codex@0.169.0");

    @Override
    public String id() {
        return CodexSettings.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return CodexSettings.OPTIONS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        CodexSettings settings;
        try {
            settings = CodexSettings.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return BINARY.probe(settings.path(), "agents." + CodexSettings.ID + ".path", environment);
    }

    @Override
    public Agent create(AgentContext context) {
        return new CodexAgent();
    }
}
