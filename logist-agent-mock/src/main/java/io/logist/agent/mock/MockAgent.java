package io.logist.agent.mock;

import io.logist.PluginException;
import io.logist.agent.support.StepFiles;
import io.logist.spi.Agent;
import io.logist.spi.Invocation;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs the mock script with {@code sh}, its settings in {@code MOCK_*} variables. */
final class MockAgent implements Agent {
    static final String SCRIPT_NAME = "mock-agent.sh";
    static final String PROMPT_NAME = "prompt.md";

    private final String script;

    private MockAgent(String script) {
        this.script = script;
    }

    /** The agent with the script shipped in this jar. */
    static MockAgent withBundledScript() {
        try (InputStream in = MockAgent.class.getResourceAsStream(SCRIPT_NAME)) {
            if (in == null) {
                throw new PluginException("agent 'mock': the resource io/logist/agent/mock/" + SCRIPT_NAME
                        + " is missing from its jar; rebuild or reinstall logist-agent-mock");
            }
            return new MockAgent(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PluginException("agent 'mock' could not read its bundled script: " + e.getMessage()
                    + "; rebuild or reinstall logist-agent-mock", e);
        }
    }

    @Override
    public Invocation prepare(StepRequest request) {
        MockSettings settings = MockSettings.from(request.options());
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Path scriptFile = StepFiles.writeText(MockAgentProvider.ID, stepDirectory.resolve(SCRIPT_NAME), script);
        Path promptFile = StepFiles.writeText(MockAgentProvider.ID, stepDirectory.resolve(PROMPT_NAME),
                request.prompt());
        Optional<String> stdin = settings.scenario().leavesStdinOpen() ? Optional.empty() : Optional.of("");
        return new Invocation(List.of("sh", scriptFile.toString(), promptFile.toString()),
                settings.environment(request.role(), request.step()), Set.of(), stdin);
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        return new MockOutputInterpreter();
    }
}
