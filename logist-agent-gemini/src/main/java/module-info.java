/** The Gemini CLI agent: runs Google's {@code gemini} command line as a Logist agent. */
module io.logist.agent.gemini {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.gemini.GeminiAgentProvider;
}
