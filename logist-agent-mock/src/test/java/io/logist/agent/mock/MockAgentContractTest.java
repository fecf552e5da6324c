package io.logist.agent.mock;

import io.logist.spi.AgentProvider;
import io.logist.testkit.AgentProviderContractKit;
import java.util.HashMap;
import java.util.Map;

class MockAgentContractTest extends AgentProviderContractKit {

    @Override
    protected AgentProvider provider() {
        return new MockAgentProvider();
    }

    /** A key-like variable, so that the secret check has a value to look for. */
    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("MOCK_API_KEY", "sk-mock-0123456789abcdef");
        return environment;
    }
}
