package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockAgentPrepareTest {
    private MockSteps steps;

    @BeforeEach
    void createWorkspace(@TempDir Path root) throws IOException {
        steps = new MockSteps(root);
    }

    @Test
    void writesTheScriptAndThePromptIntoTheStepDirectoryAndRunsThemWithSh() throws IOException {
        StepRequest request = steps.request(4, "supervisor", "Check the work.\n", Map.of());

        Invocation invocation = MockAgent.withBundledScript().prepare(request);

        Path script = request.stepDirectory().resolve("mock-agent.sh");
        Path prompt = request.stepDirectory().resolve("prompt.md");
        assertThat(invocation.command()).containsExactly("sh", script.toString(), prompt.toString());
        assertThat(prompt).content().isEqualTo("Check the work.\n");
        try (InputStream bundled = MockAgent.class.getResourceAsStream("mock-agent.sh")) {
            assertThat(script).hasBinaryContent(bundled.readAllBytes());
        }
        assertThat(steps.workspace()).isEmptyDirectory();
    }

    @Test
    void passesTheDefaultsToTheScriptInMockVariables() {
        Invocation invocation = steps.prepare(4, "supervisor", MockSteps.TASK, Map.of());

        assertThat(invocation.environment()).containsOnly(
                entry("MOCK_SCENARIO", "success"), entry("MOCK_ROLE", "supervisor"), entry("MOCK_STEP", "4"),
                entry("MOCK_SECONDS", "5"), entry("MOCK_INPUT_TOKENS", "1200"), entry("MOCK_OUTPUT_TOKENS", "300"),
                entry("MOCK_COST_USD", "0.0125"), entry("MOCK_USAGE_REPORTS", "1"), entry("MOCK_VERDICT_TO", "message"),
                entry("MOCK_FILE", "mock-work.txt"));
        assertThat(invocation.passThrough()).isEmpty();
        assertThat(invocation.stdin()).contains("");
    }

    @Test
    void passesEachOptionToTheScript() {
        Map<String, Object> options = new HashMap<>();
        options.put("scenario", "slow");
        options.put("seconds", 7L);
        options.put("inputTokens", "11");
        options.put("outputTokens", 12);
        options.put("costUsd", new BigDecimal("1.50"));
        options.put("usageReports", 3);
        options.put("verdictTo", "file");
        options.put("file", "docs/notes.md");

        Invocation invocation = steps.prepare(1, "worker", MockSteps.TASK, options);

        assertThat(invocation.environment()).contains(
                entry("MOCK_SCENARIO", "slow"), entry("MOCK_SECONDS", "7"), entry("MOCK_INPUT_TOKENS", "11"),
                entry("MOCK_OUTPUT_TOKENS", "12"), entry("MOCK_COST_USD", "1.50"), entry("MOCK_USAGE_REPORTS", "3"),
                entry("MOCK_VERDICT_TO", "file"), entry("MOCK_FILE", "docs/notes.md"));
    }

    @Test
    void leavesStandardInputOpenOnlyWhenWaitingForInput() {
        Invocation invocation = steps.prepare(1, "worker", MockSteps.TASK, Map.of("scenario", "waiting-input"));

        assertThat(invocation.stdin()).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsAnUnknownScenarioListingTheAllowedOnes() {
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("scenario", "explode")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("agents.mock.scenario was 'explode' but it must be one of: success, revise-once,"
                        + " stuck, no-verdict, crash, hang, slow, waiting-input");
    }

    @Test
    void rejectsNegativeAndNonNumericNumbers() {
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("seconds", -1)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("agents.mock.seconds was '-1' but it must be a whole number >= 0");
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("usageReports", "many")))
                .hasMessageContaining("agents.mock.usageReports was 'many' but it must be a whole number >= 0");
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("inputTokens", 1.5)))
                .hasMessageContaining("agents.mock.inputTokens was '1.5'");
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("costUsd", "-0.01")))
                .hasMessageContaining("agents.mock.costUsd was '-0.01' but it must be a decimal number >= 0");
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("costUsd", "cheap")))
                .hasMessageContaining("agents.mock.costUsd was 'cheap'");
    }

    @Test
    void rejectsAVerdictTargetOtherThanMessageOrFile() {
        assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("verdictTo", "stdout")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("agents.mock.verdictTo was 'stdout' but it must be one of: message, file");
    }

    @Test
    void rejectsAFileOutsideTheWorkspace() {
        for (String outside : new String[] {"../escape.txt", "/etc/passwd", "a/../../b", " "}) {
            assertThatThrownBy(() -> steps.prepare(1, "worker", MockSteps.TASK, Map.of("file", outside)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("agents.mock.file was '" + outside
                            + "' but it must be a relative path inside the workspace");
        }
    }

    @Test
    void reportsEveryInvalidOptionAtOnceAndWritesNothing() {
        StepRequest request = steps.request(1, "worker", MockSteps.TASK,
                Map.of("scenario", "explode", "outputTokens", -3, "verdictTo", "stdout"));

        assertThatThrownBy(() -> MockAgent.withBundledScript().prepare(request))
                .hasMessageContainingAll("agents.mock.scenario", "agents.mock.outputTokens", "agents.mock.verdictTo");
        assertThat(request.stepDirectory()).doesNotExist();
    }
}
