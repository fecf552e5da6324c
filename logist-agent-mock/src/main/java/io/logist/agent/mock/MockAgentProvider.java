package io.logist.agent.mock;

import com.google.auto.service.AutoService;
import io.logist.BadInputException;
import io.logist.agent.support.ToolProbe;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code mock} agent: a scripted agent that needs only a POSIX {@code sh}, so a whole job can run
 * without a model or an API key. Choose what it does with {@code agents.mock.scenario}.
 */
@AutoService(AgentProvider.class)
public final class MockAgentProvider implements AgentProvider {
    static final String ID = "mock";
    private static final String SHELL = "sh";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<OptionSpec> options() {
        return MockSettings.OPTIONS;
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        String searchPath = Objects.requireNonNullElse(environment.get("PATH"), "");
        try {
            MockSettings.from(options);
        } catch (BadInputException invalid) {
            return Probe.unavailable(invalid.getMessage());
        }
        return ToolProbe.findOnPath(SHELL, searchPath)
                .map(shell -> Probe.available(SHELL + " found at " + shell, "builtin"))
                .orElseGet(() -> Probe.unavailable(SHELL + " was not found on PATH (" + searchPath
                        + "); install a POSIX shell such as dash, bash or busybox, or add its directory to PATH"));
    }

    @Override
    public Agent create(AgentContext context) {
        return MockAgent.withBundledScript();
    }
}
