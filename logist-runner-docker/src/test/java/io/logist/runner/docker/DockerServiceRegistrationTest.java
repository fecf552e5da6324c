package io.logist.runner.docker;

import io.logist.spi.RunnerProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class DockerServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(RunnerProvider.class, DockerRunnerProvider.class);
    }
}
