package io.logist.agent.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.spi.StepRequest;
import io.logist.testkit.ScratchStep;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClaudeCodeAgentTest {
    @RegisterExtension
    final ScratchStep scratch = new ScratchStep();

    @Test
    void theDefaultCommandStreamsJsonAndTakesThePromptOnStandardInput() {
        Invocation invocation = prepare(Map.of());

        assertThat(invocation.command()).containsExactly("claude", "-p", "--output-format", "stream-json",
                "--verbose", "--dangerously-skip-permissions");
        assertThat(invocation.stdin()).contains(ScratchStep.PROMPT);
        assertThat(invocation.passThrough()).containsExactly("ANTHROPIC_API_KEY");
        assertThat(invocation.environment()).containsEntry("IS_SANDBOX", "1")
                .containsEntry("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
                .containsEntry("CLAUDE_CODE_MAX_RETRIES", "2")
                .doesNotContainKeys("HOME", "ANTHROPIC_BASE_URL");
    }

    @Test
    void optionsBecomeFlagsAndVariables() {
        Invocation invocation = prepare(Map.of("model", "claude-sonnet-4-5", "path", "/opt/claude/bin/claude",
                "baseUrl", "http://127.0.0.1:9999/", "maxTurns", 12L, "maxRetries", "0",
                "extraArgs", List.of("--effort", "low")));

        assertThat(invocation.command()).containsExactly("/opt/claude/bin/claude", "-p", "--output-format",
                "stream-json", "--verbose", "--dangerously-skip-permissions", "--model", "claude-sonnet-4-5",
                "--max-turns", "12", "--effort", "low");
        assertThat(invocation.environment()).containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:9999")
                .containsEntry("CLAUDE_CODE_MAX_RETRIES", "0");
    }

    @Test
    void theRemainingCostBudgetIsClaudesOwnBudget() {
        Invocation invocation = prepare(Map.of(), new StepRequest.Budget(Optional.of(new BigDecimal("1.25")),
                Optional.empty(), Duration.ofMinutes(30)));

        assertThat(invocation.command()).containsSubsequence("--max-budget-usd", "1.25");
    }

    @Test
    void aKeyInAnotherVariableIsReadByAHelperCommandAtRunTime() {
        Invocation invocation = prepare(Map.of("apiKeyEnv", "TEAM_ANTHROPIC_KEY"));

        assertThat(invocation.passThrough()).containsExactly("TEAM_ANTHROPIC_KEY");
        assertThat(invocation.command()).containsSubsequence("--settings",
                "{\"apiKeyHelper\":\"printenv TEAM_ANTHROPIC_KEY\"}");
    }

    @Test
    void withoutTheUsersConfigurationTheCliGetsAHomeInTheStepDirectory() {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false));

        Path home = scratch.stepDirectory().toAbsolutePath().resolve("home");
        assertThat(invocation.environment()).containsEntry("HOME", home.toString())
                .containsEntry("XDG_CONFIG_HOME", home.resolve(".config").toString())
                .containsEntry("XDG_CACHE_HOME", home.resolve(".cache").toString());
        assertThat(home).isDirectory();
    }

    @Test
    void everyInvalidOptionIsNamedAtOnce() {
        assertThatThrownBy(() -> prepare(Map.of("baseUrl", "127.0.0.1:8080", "apiKeyEnv", "NOT-A-NAME",
                "maxTurns", 0L, "inheritUserConfig", "maybe", "prices", Map.of("m", "cheap"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("agents.claude-code.baseUrl was '127.0.0.1:8080'")
                .hasMessageContaining("agents.claude-code.apiKeyEnv was 'NOT-A-NAME'")
                .hasMessageContaining("agents.claude-code.maxTurns was '0' but it must be a whole number >= 1")
                .hasMessageContaining("agents.claude-code.inheritUserConfig was 'maybe'")
                .hasMessageContaining("agents.claude-code.prices.m was 'cheap'");
    }

    @Test
    void preparingWritesNothingWhenTheUsersConfigurationIsInherited() {
        prepare(Map.of());

        assertThat(scratch.stepDirectory()).as("the step directory, which prepare had no need for").doesNotExist();
        assertThat(scratch.workspace()).isEmptyDirectory();
    }

    private Invocation prepare(Map<String, Object> options) {
        return new ClaudeCodeAgent().prepare(scratch.request(options));
    }

    private Invocation prepare(Map<String, Object> options, StepRequest.Budget budget) {
        return new ClaudeCodeAgent().prepare(scratch.request(options, budget));
    }
}
