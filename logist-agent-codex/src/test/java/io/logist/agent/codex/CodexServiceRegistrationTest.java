package io.logist.agent.codex;

import io.logist.spi.AgentProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class CodexServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(AgentProvider.class, CodexProvider.class);
    }
}
