/** The docker runner: each agent step in a fresh Docker container. */
module io.logist.runner.docker {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.runner.container;

    provides io.logist.spi.RunnerProvider with io.logist.runner.docker.DockerRunnerProvider;
}
