package io.logist.agent.gemini;

import io.logist.spi.AgentProvider;
import io.logist.testkit.model.AgentCliContractKit;
import io.logist.testkit.model.ScriptedModelServer;
import java.util.Map;

/** The contract, with the real gemini CLI talking to a scripted model server, offline. */
class GeminiContractIT extends AgentCliContractKit {
    GeminiContractIT() {
        super("gemini", "LOGIST_TEST_GEMINI_KEY", "gemini-test-0123456789abcdef");
    }

    @Override
    protected AgentProvider provider() {
        return new GeminiAgentProvider();
    }

    @Override
    protected Map<String, Object> serverOptions(ScriptedModelServer server) {
        return Map.of("baseUrl", server.baseUrl().toString(), "model", "gemini-2.5-pro");
    }
}
