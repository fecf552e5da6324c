package io.logist.agent.aider;

import io.logist.spi.AgentProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class AiderServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(AgentProvider.class, AiderAgentProvider.class);
    }
}
