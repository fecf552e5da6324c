package io.logist.runner.docker;

import io.logist.runner.container.it.ContainerRunnerContract;
import io.logist.spi.RunnerProvider;

class DockerRunnerContractIT extends ContainerRunnerContract {

    @Override
    protected RunnerProvider provider() {
        return new DockerRunnerProvider();
    }
}
