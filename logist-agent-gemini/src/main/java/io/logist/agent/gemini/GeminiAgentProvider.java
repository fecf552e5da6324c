package io.logist.agent.gemini;

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
 * The {@code gemini} agent: Google's Gemini CLI ({@code npm install -g @google/gemini-cli}), with its key in
 * {@code GEMINI_API_KEY} or the variable named by {@code agents.gemini.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class GeminiAgentProvider implements AgentProvider {
    private static final ToolProbe TOOL = new ToolProbe(GeminiAgent.PROGRAM,
            "install it with: npm install -g @google/gemini-cli");

    @Override
    public String id() {
        return GeminiOptions.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return GeminiOptions.SPECS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        GeminiOptions read;
        try {
            read = GeminiOptions.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return TOOL.probe(read.path(), environment);
    }

    @Override
    public Agent create(AgentContext context) {
        return new GeminiAgent();
    }
}
