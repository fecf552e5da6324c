package io.logist.agent.cline;

import io.logist.testkit.model.AgentCliContractKit;
import java.util.Map;

/** The contract, with the real cline CLI talking to a scripted model server (OpenAI Chat Completions), offline. */
class ClineContractIT extends AgentCliContractKit {
    ClineContractIT() {
        super(new ClineAgentProvider(), "cline", server -> Map.of("provider", "openai-compatible",
                "baseUrl", server.openAiBaseUrl().toString(), "model", "gpt-4o"));
    }
}
