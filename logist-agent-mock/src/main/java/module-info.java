/** The mock agent: a scripted agent that runs as a real POSIX {@code sh} process, for tests and demos. */
module io.logist.agent.mock {
    requires static com.google.auto.service;
    requires io.logist.api;

    provides io.logist.spi.AgentProvider with io.logist.agent.mock.MockAgentProvider;
}
