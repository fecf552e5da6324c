/** The Claude Code agent: runs Anthropic's {@code claude} CLI non-interactively and reads its stream-json output. */
module io.logist.agent.claude {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.claude.ClaudeCodeProvider;
}
