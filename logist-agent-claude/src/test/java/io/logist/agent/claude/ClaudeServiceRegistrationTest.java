package io.logist.agent.claude;

import io.logist.spi.AgentProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class ClaudeServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(AgentProvider.class, ClaudeCodeProvider.class);
    }
}
