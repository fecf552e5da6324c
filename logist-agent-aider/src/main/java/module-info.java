/** The Aider agent: runs the {@code aider} command line as a Logist agent. */
module io.logist.agent.aider {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.aider.AiderAgentProvider;
}
