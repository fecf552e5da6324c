package io.logist.agent.mock;

import io.logist.spi.AgentProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class MockServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(AgentProvider.class, MockAgentProvider.class);
    }
}
