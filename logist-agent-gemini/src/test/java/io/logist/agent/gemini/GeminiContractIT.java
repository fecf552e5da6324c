package io.logist.agent.gemini;

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

/** The contract, with the real gemini CLI talking to a scripted model server, offline. */
class GeminiContractIT extends AgentProviderContractKit {
    private static final String KEY_VARIABLE = "LOGIST_TEST_GEMINI_KEY";
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
        return new GeminiAgentProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", AgentClis.binary("gemini").toString(),
                "baseUrl", server.baseUrl().toString(),
                "apiKeyEnv", KEY_VARIABLE,
                "model", "gemini-2.5-pro",
                "inheritUserConfig", false);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(KEY_VARIABLE, "gemini-test-0123456789abcdef");
        return environment;
    }
}
