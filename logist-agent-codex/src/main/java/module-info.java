/** The Codex agent: runs OpenAI's {@code codex exec} non-interactively and reads its JSON Lines output. */
module io.logist.agent.codex {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.codex.CodexProvider;
}
