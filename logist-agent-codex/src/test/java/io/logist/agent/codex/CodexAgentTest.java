package io.logist.agent.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.testkit.ScratchStep;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CodexAgentTest {
    @RegisterExtension
    final ScratchStep scratch = new ScratchStep();

    @Test
    void theCommandDefinesLogistsProviderAndReadsThePromptFromStandardInput() {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false, "model", "gpt-5.5",
                "baseUrl", "http://127.0.0.1:7777/v1", "apiKeyEnv", "TEAM_OPENAI_KEY"));

        assertThat(invocation.command()).containsExactly("codex", "exec", "--json", "--skip-git-repo-check",
                "--dangerously-bypass-approvals-and-sandbox", "--model", "gpt-5.5",
                "-c", "check_for_update_on_startup=false",
                "-c", "analytics.enabled=false",
                "-c", "model_provider=\"logist\"",
                "-c", "model_providers.logist.name=\"Logist\"",
                "-c", "model_providers.logist.base_url=\"http://127.0.0.1:7777/v1\"",
                "-c", "model_providers.logist.env_key=\"TEAM_OPENAI_KEY\"",
                "-c", "model_providers.logist.wire_api=\"responses\"",
                "-c", "model_providers.logist.request_max_retries=2",
                "-c", "model_providers.logist.stream_max_retries=2",
                "-");
        assertThat(invocation.stdin()).contains(ScratchStep.PROMPT);
        assertThat(invocation.passThrough()).containsExactly("TEAM_OPENAI_KEY");
    }

    @Test
    void withoutTheUsersConfigurationCodexHomeIsInTheStepDirectory() {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false));

        Path home = scratch.stepDirectory().toAbsolutePath().resolve("home");
        assertThat(invocation.environment()).containsEntry("HOME", home.toString())
                .containsEntry("CODEX_HOME", home.resolve(".codex").toString());
        assertThat(home.resolve(".codex")).isDirectory();
        assertThat(invocation.command()).contains("model_providers.logist.base_url=\"https://api.openai.com/v1\"",
                "model_providers.logist.env_key=\"OPENAI_API_KEY\"");
    }

    @Test
    void withTheUsersConfigurationAndNoEndpointTheirOwnProviderAndLoginAreUsed() {
        Invocation invocation = prepare(Map.of());

        assertThat(invocation.command()).noneMatch(argument -> argument.startsWith("model_provider"));
        assertThat(invocation.environment()).doesNotContainKeys("HOME", "CODEX_HOME");
        assertThat(invocation.passThrough()).containsExactly("OPENAI_API_KEY");
        assertThat(scratch.stepDirectory()).as("the step directory, which prepare had no need for").doesNotExist();
        assertThat(scratch.workspace()).isEmptyDirectory();
    }

    @Test
    void aSandboxModeReplacesTheBypassAndExtraArgumentsComeBeforeThePrompt() {
        Invocation invocation = prepare(Map.of("sandbox", "workspace-write", "maxRetries", 0L,
                "extraArgs", List.of("--enable", "web_search")));

        assertThat(invocation.command()).doesNotContain("--dangerously-bypass-approvals-and-sandbox")
                .containsSubsequence("--sandbox", "workspace-write")
                .endsWith("--enable", "web_search", "-");
    }

    @Test
    void aBaseUrlWithQuotesStaysOneTomlString() {
        Invocation invocation = prepare(Map.of("baseUrl", "http://host/v1?a=\"b\""));

        assertThat(invocation.command()).contains("model_providers.logist.base_url=\"http://host/v1?a=\\\"b\\\"\"");
    }

    @Test
    void everyInvalidOptionIsNamedAtOnce() {
        assertThatThrownBy(() -> prepare(Map.of("sandbox", "docker", "maxRetries", "many", "extraArgs", "--x")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("agents.codex.sandbox was 'docker' but it must be one of: none,"
                        + " workspace-write, read-only")
                .hasMessageContaining("agents.codex.maxRetries was 'many'")
                .hasMessageContaining("agents.codex.extraArgs was '--x'");
    }

    private Invocation prepare(Map<String, Object> options) {
        return new CodexAgent().prepare(scratch.request(options));
    }
}
