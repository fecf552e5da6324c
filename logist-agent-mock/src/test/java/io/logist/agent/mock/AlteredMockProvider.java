package io.logist.agent.mock;

import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentProvider;
import io.logist.spi.Invocation;
import io.logist.spi.OptionSpec;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.Probe;
import io.logist.spi.StepRequest;
import java.util.List;
import java.util.Map;

/** The mock provider, for a test to break one thing and see that the contract kit notices. */
class AlteredMockProvider implements AgentProvider {
    private final MockAgentProvider mock = new MockAgentProvider();

    @Override
    public String id() {
        return mock.id();
    }

    @Override
    public List<OptionSpec> options() {
        return mock.options();
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        return mock.probe(options, environment);
    }

    @Override
    public Agent create(AgentContext context) {
        Agent agent = mock.create(context);
        return new Agent() {
            @Override
            public Invocation prepare(StepRequest request) {
                return AlteredMockProvider.this.prepare(agent, request);
            }

            @Override
            public OutputInterpreter interpreter(StepRequest request) {
                return AlteredMockProvider.this.interpreter(agent, request);
            }
        };
    }

    Invocation prepare(Agent mockAgent, StepRequest request) {
        return mockAgent.prepare(request);
    }

    OutputInterpreter interpreter(Agent mockAgent, StepRequest request) {
        return mockAgent.interpreter(request);
    }
}
