package io.logist.agent.claude;

import io.logist.spi.AgentProvider;
import io.logist.testkit.model.AgentCliContractKit;
import io.logist.testkit.model.ScriptedModelServer;
import java.util.Map;

/** The contract, with the real claude CLI talking to a scripted model server, offline. */
class ClaudeCodeContractIT extends AgentCliContractKit {
    ClaudeCodeContractIT() {
        super("claude", "LOGIST_TEST_ANTHROPIC_KEY", "sk-ant-test-0123456789abcdef");
    }

    @Override
    protected AgentProvider provider() {
        return new ClaudeCodeProvider();
    }

    @Override
    protected Map<String, Object> serverOptions(ScriptedModelServer server) {
        return Map.of("baseUrl", server.baseUrl().toString(), "model", "claude-sonnet-4-5-20250929");
    }
}
