package io.logist.runner.docker;

import io.logist.runner.container.it.ContainerRunnerBehaviour;
import io.logist.spi.RunnerProvider;

class DockerRunnerIT extends ContainerRunnerBehaviour {

    @Override
    protected RunnerProvider provider() {
        return new DockerRunnerProvider();
    }
}
