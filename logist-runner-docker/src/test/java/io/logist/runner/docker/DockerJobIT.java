package io.logist.runner.docker;

import io.logist.runner.container.it.ContainerJobBehaviour;
import io.logist.spi.RunnerProvider;

class DockerJobIT extends ContainerJobBehaviour {

    @Override
    protected RunnerProvider provider() {
        return new DockerRunnerProvider();
    }
}
