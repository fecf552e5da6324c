/** The Cline agent: runs the {@code cline} command line as a Logist agent. */
module io.logist.agent.cline {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.cline.ClineAgentProvider;
}
