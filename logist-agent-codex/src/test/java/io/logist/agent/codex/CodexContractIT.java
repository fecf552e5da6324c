package io.logist.agent.codex;

import io.logist.spi.AgentProvider;
import io.logist.testkit.model.AgentCliContractKit;
import io.logist.testkit.model.ScriptedModelServer;
import java.util.Map;

/** The contract, with the real codex CLI talking to a scripted model server, offline. */
class CodexContractIT extends AgentCliContractKit {
    CodexContractIT() {
        super("codex", "LOGIST_TEST_OPENAI_KEY", "sk-test-0123456789abcdef");
    }

    @Override
    protected AgentProvider provider() {
        return new CodexProvider();
    }

    @Override
    protected Map<String, Object> serverOptions(ScriptedModelServer server) {
        // A model in codex's catalog, so that it offers its apply_patch tool.
        return Map.of("baseUrl", server.openAiBaseUrl().toString(), "model", "gpt-5.5");
    }
}
