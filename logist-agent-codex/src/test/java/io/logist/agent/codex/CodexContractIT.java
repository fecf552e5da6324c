package io.logist.agent.codex;

import io.logist.testkit.model.AgentCliContractKit;
import java.util.Map;

/** The contract, with the real codex CLI talking to a scripted model server, offline. */
class CodexContractIT extends AgentCliContractKit {
    CodexContractIT() {
        super(new CodexProvider(), "codex",
                // A model in codex's catalog, so that it offers its apply_patch tool.
                server -> Map.of("baseUrl", server.openAiBaseUrl().toString(), "model", "gpt-5.5"));
    }
}
