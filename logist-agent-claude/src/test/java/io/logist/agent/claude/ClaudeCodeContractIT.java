package io.logist.agent.claude;

import io.logist.testkit.model.AgentCliContractKit;
import java.util.Map;

/** The contract, with the real claude CLI talking to a scripted model server, offline. */
class ClaudeCodeContractIT extends AgentCliContractKit {
    ClaudeCodeContractIT() {
        super(new ClaudeCodeProvider(), "claude",
                server -> Map.of("baseUrl", server.baseUrl().toString(), "model", "claude-sonnet-4-5-20250929"));
    }
}
