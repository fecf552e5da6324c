package io.logist.agent.claude;

import io.logist.spi.AgentProvider;
import io.logist.testkit.AgentProviderContractKit;
import io.logist.testkit.model.AgentClis;
import io.logist.testkit.model.Script;
import io.logist.testkit.model.ScriptedModelServer;
import io.logist.testkit.model.Turn;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The contract, with the real claude CLI talking to a scripted model server, offline. */
class ClaudeCodeContractIT extends AgentProviderContractKit {
    private static final String KEY_VARIABLE = "LOGIST_TEST_ANTHROPIC_KEY";
    private ScriptedModelServer server;

    @BeforeEach
    void startServer() {
        server = ScriptedModelServer.start(Script.of(Turn.writeFile("hello.txt", "hello\n"),
                Turn.verdict("COMPLETED", "Created hello.txt", "hello.txt")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Override
    protected AgentProvider provider() {
        return new ClaudeCodeProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", AgentClis.binary("claude").toString(),
                "baseUrl", server.baseUrl().toString(),
                "apiKeyEnv", KEY_VARIABLE,
                "model", "claude-sonnet-4-5-20250929",
                "inheritUserConfig", false);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(KEY_VARIABLE, "sk-ant-test-0123456789abcdef");
        return environment;
    }
}
