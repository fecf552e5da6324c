package io.logist.agent.gemini;

import io.logist.spi.AgentProvider;
import io.logist.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

class GeminiServiceRegistrationTest {

    @Test
    void theServicesFileAndTheModuleDescriptorRegisterTheSameProvider() {
        ServiceRegistrations.assertAgree(AgentProvider.class, GeminiAgentProvider.class);
    }
}
