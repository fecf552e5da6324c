/** The podman runner: each agent step in a fresh Podman container. */
module io.logist.runner.podman {
    requires static com.google.auto.service;
    requires io.logist.api;
    requires io.logist.runner.container;

    provides io.logist.spi.RunnerProvider with io.logist.runner.podman.PodmanRunnerProvider;
}
