package io.logist.runner.podman;

import io.logist.runner.container.it.ContainerRunnerContract;
import io.logist.spi.RunnerProvider;

class PodmanRunnerContractIT extends ContainerRunnerContract {

    @Override
    protected RunnerProvider provider() {
        return new PodmanRunnerProvider();
    }
}
