package io.logist.agent.cline;

import io.logist.spi.AgentProvider;
import io.logist.testkit.model.AgentCliContractKit;
import io.logist.testkit.model.ScriptedModelServer;
import java.util.Map;

/** The contract, with the real cline CLI talking to a scripted model server (OpenAI Chat Completions), offline. */
class ClineContractIT extends AgentCliContractKit {
    ClineContractIT() {
        super("cline", "LOGIST_TEST_OPENAI_KEY", "sk-test-0123456789abcdef");
    }

    @Override
    protected AgentProvider provider() {
        return new ClineAgentProvider();
    }

    @Override
    protected Map<String, Object> serverOptions(ScriptedModelServer server) {
        return Map.of("provider", "openai-compatible", "baseUrl", server.openAiBaseUrl().toString(),
                "model", "gpt-4o");
    }
}
