package io.logist.agent.cline;

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
 * The {@code cline} agent: the Cline CLI ({@code npm install -g cline}), with any of its providers; the key is
 * read from the provider's usual variable ({@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY}, ...) or the one
 * named by {@code agents.cline.apiKeyEnv}.
 */
@AutoService(AgentProvider.class)
public final class ClineAgentProvider implements AgentProvider {
    private static final ToolProbe TOOL = new ToolProbe(ClineAgent.PROGRAM, "install it with: npm install -g cline");

    @Override
    public String id() {
        return ClineOptions.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return ClineOptions.SPECS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        ClineOptions read;
        try {
            read = ClineOptions.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return TOOL.probe(read.path(), environment);
    }

    @Override
    public Agent create(AgentContext context) {
        return new ClineAgent();
    }
}
