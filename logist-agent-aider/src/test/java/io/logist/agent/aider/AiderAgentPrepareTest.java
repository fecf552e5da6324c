package io.logist.agent.aider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.testkit.ScratchStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiderAgentPrepareTest {
    @RegisterExtension
    final ScratchStep scratch = new ScratchStep();

    @Test
    void sendsThePromptFromAFileAnswersYesNeverCommitsAndPrintsPlainText() throws IOException {
        Invocation invocation = prepare(Map.of());

        Path step = scratch.stepDirectory();
        assertThat(invocation.command()).containsExactly("aider",
                "--message-file", step.resolve("aider-message.md").toString(),
                "--yes-always", "--no-auto-commits", "--no-dirty-commits", "--no-gitignore",
                "--no-pretty", "--no-stream", "--no-fancy-input",
                "--no-check-update", "--no-show-release-notes", "--no-analytics", "--no-detect-urls",
                "--chat-history-file", step.resolve("aider.chat.history.md").toString(),
                "--input-history-file", step.resolve("aider.input.history").toString(),
                "--map-tokens", "0");
        assertThat(step.resolve("aider-message.md")).hasContent(ScratchStep.PROMPT);
        assertThat(invocation.stdin()).contains("");
        assertThat(invocation.environment()).containsOnly(entry("NO_COLOR", "1"));
        assertThat(invocation.passThrough()).containsExactly("OPENAI_API_KEY");
        assertThat(scratch.workspace()).isEmptyDirectory();
    }

    @Test
    void passesTheModelAnOpenAiCompatibleBaseAndTheExtraArgumentsAndMayKeepTheRepositoryMap() {
        Invocation invocation = prepare(Map.of("model", "openai/my-model", "baseUrl", "http://127.0.0.1:8080/v1",
                "repoMap", true, "extraArgs", List.of("--edit-format", "whole")));

        assertThat(invocation.command()).doesNotContain("--map-tokens")
                .endsWith("--model", "openai/my-model", "--openai-api-base", "http://127.0.0.1:8080/v1",
                        "--edit-format", "whole");
    }

    @Test
    void withoutTheUsersConfigurationRunsInAHomeOfItsOwn() {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false));

        assertThat(invocation.environment()).containsEntry("HOME", scratch.stepDirectory().resolve("home").toString());
        assertThat(scratch.stepDirectory().resolve("home")).isDirectory();
    }

    @ParameterizedTest
    @CsvSource({
            "sonnet, ANTHROPIC_API_KEY",
            "claude-3-5-sonnet-20241022, ANTHROPIC_API_KEY",
            "anthropic/claude-sonnet-4-5, ANTHROPIC_API_KEY",
            "gemini/gemini-2.5-pro, GEMINI_API_KEY",
            "deepseek, DEEPSEEK_API_KEY",
            "openrouter/anthropic/claude-3.7-sonnet, OPENROUTER_API_KEY",
            "openai/my-claude-finetune, OPENAI_API_KEY",
            "gpt-4o, OPENAI_API_KEY"})
    void passesTheKeyVariableOfTheModelsProvider(String model, String variable) {
        assertThat(prepare(Map.of("model", model)).passThrough()).containsExactly(variable);
    }

    @Test
    void copiesAKeyKeptUnderAnotherNameIntoTheModelsVariable() {
        Invocation invocation = prepare(Map.of("model", "sonnet", "apiKeyEnv", "TEAM_CLAUDE_KEY"));

        assertThat(invocation.passThrough()).containsExactly("TEAM_CLAUDE_KEY");
        assertThat(invocation.command().subList(0, 2)).containsExactly("sh", "-c");
        assertThat(invocation.command().get(2)).startsWith("ANTHROPIC_API_KEY=\"${TEAM_CLAUDE_KEY-}\"");
        assertThat(invocation.command().get(4)).isEqualTo("aider");
    }

    @Test
    void rejectsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> prepare(Map.of("repoMap", "yes", "model", "", "prices", Map.of("x", "1"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContainingAll("agents.aider.repoMap was 'yes'", "agents.aider.model was ''",
                        "agents.aider.prices.x was '1'");
    }

    private Invocation prepare(Map<String, Object> options) {
        return new AiderAgent().prepare(scratch.request(options));
    }
}
