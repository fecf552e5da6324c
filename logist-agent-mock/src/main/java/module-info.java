/** The mock agent: a scripted agent that runs as a real POSIX {@code sh} process, for tests and demos. */
module io.logist.agent.mock {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.agent.support;

    provides io.logist.spi.AgentProvider with io.logist.agent.mock.MockAgentProvider;
}
