package io.logist.runner.podman;

import io.logist.runner.container.it.ContainerJobBehaviour;
import io.logist.spi.RunnerProvider;

class PodmanJobIT extends ContainerJobBehaviour {

    @Override
    protected RunnerProvider provider() {
        return new PodmanRunnerProvider();
    }
}
