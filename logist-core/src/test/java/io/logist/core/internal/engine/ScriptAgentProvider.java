package io.logist.core.internal.engine;

import io.logist.Usage;
import io.logist.spi.Agent;
import io.logist.spi.AgentContext;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentProvider;
import io.logist.spi.AgentSignal;
import io.logist.spi.Invocation;
import io.logist.spi.OptionSpec;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.Probe;
import io.logist.spi.StepRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test agent whose step is an {@code sh} script given per role in its options ({@code agents.script.worker}
 * and {@code agents.script.supervisor}). It runs as a real process; {@code usage IN OUT COST} lines report
 * usage and {@code auth-failed} reports an authentication error.
 */
final class ScriptAgentProvider implements AgentProvider {
    @Override
    public String id() {
        return "script";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.of("worker", OptionSpec.Type.STRING, "the worker's sh script"),
                OptionSpec.of("supervisor", OptionSpec.Type.STRING, "the supervisor's sh script"));
    }

    @Override
    public Probe probe(Map<String, Object> options, Map<String, String> environment) {
        return Probe.available("sh", "test");
    }

    @Override
    public Agent create(AgentContext context) {
        return new Agent() {
            @Override
            public Invocation prepare(StepRequest request) {
                String script = String.valueOf(request.options().getOrDefault(request.role(), "exit 0"));
                return new Invocation(List.of("sh", "-c", script), Map.of("STEP", Integer.toString(request.step())),
                        Set.of(), Optional.of(""));
            }

            @Override
            public OutputInterpreter interpreter(StepRequest request) {
                return new OutputInterpreter() {
                    private final List<String> lines = new ArrayList<>();
                    private Optional<AgentError> error = Optional.empty();

                    @Override
                    public List<AgentSignal> onLine(OutputChannel channel, String line) {
                        if (channel == OutputChannel.STDOUT && line.startsWith("usage ")) {
                            String[] f = line.split(" ");
                            return List.of(new AgentSignal.UsageDelta(Usage.of(Long.parseLong(f[1]),
                                    Long.parseLong(f[2]), new BigDecimal(f[3]))));
                        }
                        if (line.equals("auth-failed")) {
                            error = Optional.of(new AgentError(AgentError.Kind.AUTHENTICATION, "401 invalid key"));
                        }
                        if (channel == OutputChannel.STDOUT) {
                            lines.add(line);
                        }
                        return List.of();
                    }

                    @Override
                    public AgentOutcome finish(int exitCode) {
                        return new AgentOutcome(String.join("\n", lines), error);
                    }
                };
            }
        };
    }
}
