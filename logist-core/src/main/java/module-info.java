/** The Logist engine: state machine, loop, workspaces, configuration, file store, host runner. */
module io.logist.core {
    requires io.logist.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires static com.google.auto.service;

    uses io.logist.spi.RunnerProvider;
    uses io.logist.spi.AgentProvider;

    provides io.logist.spi.EngineFactory with io.logist.core.internal.engine.DefaultEngineFactory;
    provides io.logist.spi.RunnerProvider with io.logist.core.internal.runner.HostRunnerProvider;
}
