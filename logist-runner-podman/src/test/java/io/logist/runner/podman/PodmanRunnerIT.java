package io.logist.runner.podman;

import io.logist.runner.container.it.ContainerRunnerBehaviour;
import io.logist.spi.RunnerProvider;

class PodmanRunnerIT extends ContainerRunnerBehaviour {

    @Override
    protected RunnerProvider provider() {
        return new PodmanRunnerProvider();
    }
}
