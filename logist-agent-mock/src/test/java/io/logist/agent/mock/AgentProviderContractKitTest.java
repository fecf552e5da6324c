package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.Usage;
import io.logist.spi.Agent;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentProvider;
import io.logist.spi.AgentSignal;
import io.logist.spi.Invocation;
import io.logist.spi.OptionSpec;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.Probe;
import io.logist.spi.StepRequest;
import io.logist.testkit.AgentProviderContractKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test of the agent contract kit fails for a provider that breaks what it checks. */
class AgentProviderContractKitTest {
    /** Held by LLM_AUTH, a name that does not look secret: only passing it through makes it one. */
    private static final String PASSED_THROUGH = "pt-test-0123456789abcdef";
    /** Held by MOCK_API_KEY, a name that looks secret. */
    private static final String API_KEY = "sk-test-0123456789abcdef";

    private Path sandbox;

    @BeforeEach
    void useSandbox(@TempDir Path directory) {
        sandbox = directory;
    }

    @Test
    void theUnchangedMockPassesWhatTheBrokenOnesFail() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider());

        assertThatCode(() -> {
            kit.idIsStableAndWellFormed();
            kit.optionNamesAreUniqueAndDoNotShadowCommonOnes();
            kit.prepareWritesOnlyIntoTheStepDirectory();
            kit.secretsArePassedByNameNotByValue();
            kit.theSameRequestPreparesTheSameCommand();
            kit.interpreterReportsNonNegativeUsage();
        }).doesNotThrowAnyException();
    }

    @Test
    void anIdWithCapitalsOrUnderscoresFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider() {
            @Override
            public String id() {
                return "Mock_Agent";
            }
        });

        assertFails(kit::idIsStableAndWellFormed, "the provider's id");
    }

    @Test
    void anIdThatChangesFails() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AgentProviderContractKit kit = kit(new AlteredMockProvider() {
            @Override
            public String id() {
                return "mock-" + calls.incrementAndGet();
            }
        });

        assertFails(kit::idIsStableAndWellFormed, "asked a second time");
    }

    @Test
    void aProbeThatThrowsFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider() {
            @Override
            public Probe probe(Map<String, Object> options, Map<String, String> environment) {
                throw new IllegalStateException("cannot tell");
            }
        });

        assertThatThrownBy(kit::probeAnswersWithoutThrowing).hasMessage("cannot tell");
    }

    @Test
    void aProbeWithoutDetailFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider() {
            @Override
            public Probe probe(Map<String, Object> options, Map<String, String> environment) {
                return Probe.available(" ", "1.0");
            }
        });

        assertFails(kit::probeAnswersWithoutThrowing, "the probe's detail");
    }

    @Test
    void anOptionShadowingACommonOneFails() throws Exception {
        assertFails(kit(withOption(OptionSpec.of("model", OptionSpec.Type.STRING, "the model")))
                ::optionNamesAreUniqueAndDoNotShadowCommonOnes, "\"model\"");
    }

    @Test
    void anOptionDeclaredTwiceFails() throws Exception {
        assertFails(kit(withOption(OptionSpec.of("scenario", OptionSpec.Type.STRING, "again")))
                ::optionNamesAreUniqueAndDoNotShadowCommonOnes, "Found duplicate");
    }

    @Test
    void prepareWritingIntoTheWorkspaceFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider() {
            @Override
            Invocation prepare(Agent mockAgent, StepRequest request) {
                try {
                    Files.writeString(request.workspace().resolve("CLAUDE.md"), "instructions");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return mockAgent.prepare(request);
            }
        });

        assertFails(kit::prepareWritesOnlyIntoTheStepDirectory, "CLAUDE.md");
    }

    @Test
    void aStepWithoutAVerdictFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider(), Map.of("scenario", "no-verdict"));

        assertFails(kit::aWorkerStepEndsWithAVerdictInItsFinalMessageOrFile, "the verdict");
    }

    @Test
    void aStepThatCrashesFails() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider(), Map.of("scenario", "crash"));

        assertFails(kit::aWorkerStepEndsWithAVerdictInItsFinalMessageOrFile, "simulated crash");
    }

    @Test
    void aVerdictFileMeetsTheContract() throws Exception {
        AgentProviderContractKit kit = kit(new AlteredMockProvider(), Map.of("verdictTo", "file"));

        assertThatCode(kit::aWorkerStepEndsWithAVerdictInItsFinalMessageOrFile).doesNotThrowAnyException();
    }

    @Test
    void aNegativeCostFails() throws Exception {
        AgentProviderContractKit kit = kit(withSignals(signals -> signals.stream()
                .map(signal -> signal instanceof AgentSignal.UsageDelta
                        ? new AgentSignal.UsageDelta(Usage.of(1, 1, new BigDecimal("-0.01")))
                        : signal)
                .toList()));

        assertFails(kit::interpreterReportsNonNegativeUsage, "the cost of");
    }

    @Test
    void anInterpreterAnsweringNullFails() throws Exception {
        AgentProviderContractKit kit = kit(withSignals(signals -> null));

        assertFails(kit::interpreterReportsNonNegativeUsage, "the signals the interpreter returned");
    }

    @Test
    void aPassThroughSecretCopiedByValueFails() throws Exception {
        AgentProviderContractKit kit = kit(withEnvironment(Map.of("COPY", PASSED_THROUGH), Set.of("LLM_AUTH")));

        assertFails(kit::secretsArePassedByNameNotByValue, "the value of LLM_AUTH");
    }

    @Test
    void aKeyCopiedByValueWithoutPassThroughFails() throws Exception {
        AgentProviderContractKit kit = kit(withEnvironment(Map.of("COPY", API_KEY), Set.of()));

        assertFails(kit::secretsArePassedByNameNotByValue, "the value of MOCK_API_KEY");
    }

    @Test
    void keysPassedByNameMeetTheContract() throws Exception {
        AgentProviderContractKit kit = kit(withEnvironment(Map.of(), Set.of("LLM_AUTH", "MOCK_API_KEY")));

        assertThatCode(kit::secretsArePassedByNameNotByValue).doesNotThrowAnyException();
    }

    @Test
    void aCommandThatChangesEveryTimeFails() throws Exception {
        AgentProviderContractKit steady = kit(withEnvironment(Map.of("NONCE", UUID.randomUUID().toString()), Set.of()));
        AgentProviderContractKit changing = kit(new AlteredMockProvider() {
            @Override
            Invocation prepare(Agent mockAgent, StepRequest request) {
                Invocation invocation = mockAgent.prepare(request);
                Map<String, String> environment = new HashMap<>(invocation.environment());
                environment.put("NONCE", UUID.randomUUID().toString());
                return new Invocation(invocation.command(), environment, invocation.passThrough(), invocation.stdin());
            }
        });

        assertThatCode(steady::theSameRequestPreparesTheSameCommand).doesNotThrowAnyException();
        assertFails(changing::theSameRequestPreparesTheSameCommand, "prepared a second time");
    }

    private static AlteredMockProvider withOption(OptionSpec extra) {
        return new AlteredMockProvider() {
            @Override
            public List<OptionSpec> options() {
                List<OptionSpec> options = new ArrayList<>(super.options());
                options.add(extra);
                return options;
            }
        };
    }

    /** A provider whose interpreter answers each line with {@code altered} applied to what the mock's says. */
    private static AlteredMockProvider withSignals(UnaryOperator<List<AgentSignal>> altered) {
        return new AlteredMockProvider() {
            @Override
            OutputInterpreter interpreter(Agent mockAgent, StepRequest request) {
                OutputInterpreter mock = mockAgent.interpreter(request);
                return new OutputInterpreter() {
                    @Override
                    public List<AgentSignal> onLine(OutputChannel channel, String line) {
                        return altered.apply(mock.onLine(channel, line));
                    }

                    @Override
                    public AgentOutcome finish(int exitCode) {
                        return mock.finish(exitCode);
                    }
                };
            }
        };
    }

    /** A provider that adds these variables to its invocation, and these names to its pass-through ones. */
    private static AlteredMockProvider withEnvironment(Map<String, String> added, Set<String> passThrough) {
        return new AlteredMockProvider() {
            @Override
            Invocation prepare(Agent mockAgent, StepRequest request) {
                Invocation invocation = mockAgent.prepare(request);
                Map<String, String> environment = new HashMap<>(invocation.environment());
                environment.putAll(added);
                return new Invocation(invocation.command(), environment, passThrough, invocation.stdin());
            }
        };
    }

    private AgentProviderContractKit kit(AgentProvider provider) throws Exception {
        return kit(provider, Map.of());
    }

    /** The kit against a provider, in a fresh sandbox, with LLM_AUTH and MOCK_API_KEY set. */
    private AgentProviderContractKit kit(AgentProvider provider, Map<String, Object> options) throws Exception {
        AgentProviderContractKit kit = new AgentProviderContractKit() {
            @Override
            protected AgentProvider provider() {
                return provider;
            }

            @Override
            protected Map<String, Object> options() {
                return options;
            }

            @Override
            protected Map<String, String> environment() {
                Map<String, String> environment = new HashMap<>(System.getenv());
                environment.put("LLM_AUTH", PASSED_THROUGH);
                environment.put("MOCK_API_KEY", API_KEY);
                return environment;
            }
        };
        kit.createSandbox(Files.createTempDirectory(sandbox, "kit"));
        return kit;
    }

    private static void assertFails(ThrowingCallable kitTest, String because) {
        assertThatThrownBy(kitTest).isInstanceOf(AssertionError.class).hasMessageContaining(because);
    }
}
