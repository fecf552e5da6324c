package io.logist.runner.podman;

import io.logist.spi.RunnerProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class PodmanServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(RunnerProvider.class, PodmanRunnerProvider.class);
    }
}
