package io.logist.agent.gemini;

import io.logist.testkit.model.AgentCliContractKit;
import java.util.Map;

/** The contract, with the real gemini CLI talking to a scripted model server, offline. */
class GeminiContractIT extends AgentCliContractKit {
    GeminiContractIT() {
        super(new GeminiAgentProvider(), "gemini",
                server -> Map.of("baseUrl", server.baseUrl().toString(), "model", "gemini-2.5-pro"));
    }
}
