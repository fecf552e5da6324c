package io.logist.agent.cline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.spi.StepRequest;
import io.logist.testkit.ScratchStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClineAgentPrepareTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final ScratchStep scratch = new ScratchStep();

    @Test
    void runsClineInActModeWithJsonOutputTheStepTimeAsItsLimitAndThePromptLast() {
        Invocation invocation = prepare(Map.of(), Duration.ofMillis(90_500));

        assertThat(invocation.command()).containsExactly("cline", "--json", "--auto-approve", "true",
                "--timeout", "91", "--", ScratchStep.PROMPT);
        assertThat(invocation.stdin()).contains("");
    }

    @Test
    void keepsTheSessionInItsOwnProcessSoThatNoHubDaemonOutlivesTheStep() {
        Invocation invocation = prepare(Map.of(), Duration.ofMinutes(30));

        assertThat(invocation.environment()).contains(entry("CLINE_SESSION_BACKEND_MODE", "local"),
                entry("CLINE_NO_AUTO_UPDATE", "1"),
                entry("CLINE_LOG_PATH", scratch.stepDirectory().resolve("cline.log").toString()));
    }

    @Test
    void byDefaultUsesTheUsersOwnHomeProvidersAndKey() {
        Invocation invocation = prepare(Map.of(), Duration.ofMinutes(30));

        assertThat(invocation.environment()).doesNotContainKeys("HOME", "CLINE_PROVIDER_SETTINGS_PATH",
                "CLINE_GLOBAL_SETTINGS_PATH");
        assertThat(invocation.passThrough()).isEmpty();
        assertThat(invocation.command()).doesNotContain("-P");
        assertThat(scratch.stepDirectory().resolve("cline")).doesNotExist();
    }

    @Test
    void withoutTheUsersConfigurationWritesProvidersAndSettingsIntoAHomeOfItsOwn() throws IOException {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false, "provider", "openai-compatible",
                "model", "gpt-4o", "baseUrl", "http://127.0.0.1:8080/v1"), Duration.ofMinutes(30));

        Path home = scratch.stepDirectory().resolve("home");
        Path providers = scratch.stepDirectory().resolve("cline/providers.json");
        Path global = scratch.stepDirectory().resolve("cline/global-settings.json");
        assertThat(invocation.environment()).contains(entry("HOME", home.toString()),
                entry("CLINE_PROVIDER_SETTINGS_PATH", providers.toString()),
                entry("CLINE_GLOBAL_SETTINGS_PATH", global.toString()));
        assertThat(invocation.command()).containsSubsequence("-P", "openai-compatible", "-m", "gpt-4o");
        JsonNode written = JSON.readTree(providers.toFile());
        assertThat(written.path("lastUsedProvider").asText()).isEqualTo("openai-compatible");
        JsonNode entry = written.at("/providers/openai-compatible");
        assertThat(entry.path("settings")).isEqualTo(JSON.readTree("{\"provider\": \"openai-compatible\","
                + " \"model\": \"gpt-4o\", \"baseUrl\": \"http://127.0.0.1:8080/v1\"}"));
        assertThat(entry.path("updatedAt").asText()).isNotBlank();
        assertThat(JSON.readTree(global.toFile())).isEqualTo(JSON.readTree(
                "{\"telemetryOptOut\": true, \"autoUpdateEnabled\": false}"));
        assertThat(invocation.passThrough()).containsExactly("OPENAI_API_KEY");
        assertThat(scratch.workspace()).isEmptyDirectory();
    }

    @Test
    void aBaseUrlWithTheUsersConfigurationGetsProviderSettingsOfItsOwnOnly() {
        Invocation invocation = prepare(Map.of("baseUrl", "http://127.0.0.1:8080"), Duration.ofMinutes(30));

        assertThat(invocation.environment()).containsKey("CLINE_PROVIDER_SETTINGS_PATH")
                .doesNotContainKeys("HOME", "CLINE_GLOBAL_SETTINGS_PATH");
        assertThat(invocation.command()).containsSubsequence("-P", "anthropic");
        assertThat(invocation.passThrough()).containsExactly("ANTHROPIC_API_KEY");
    }

    @Test
    void copiesAKeyKeptUnderAnotherNameIntoTheProvidersVariable() {
        Invocation invocation = prepare(Map.of("provider", "openrouter", "apiKeyEnv", "TEAM_ROUTER_KEY",
                "extraArgs", List.of("--thinking", "low")), Duration.ofMinutes(30));

        assertThat(invocation.passThrough()).containsExactly("TEAM_ROUTER_KEY");
        assertThat(invocation.command().subList(0, 2)).containsExactly("sh", "-c");
        assertThat(invocation.command().get(2)).contains("OPENROUTER_API_KEY=\"${TEAM_ROUTER_KEY-}\"");
        assertThat(invocation.command()).endsWith("--thinking", "low", "--", ScratchStep.PROMPT);
    }

    @Test
    void passesAKeyOfAProviderWithoutAKnownVariableByTheNameGiven() {
        Invocation invocation = prepare(Map.of("provider", "bedrock", "apiKeyEnv", "AWS_BEARER_TOKEN_BEDROCK"),
                Duration.ofMinutes(30));

        assertThat(invocation.passThrough()).containsExactly("AWS_BEARER_TOKEN_BEDROCK");
        assertThat(invocation.command().get(0)).isEqualTo("cline");
    }

    @Test
    void rejectsEveryInvalidOptionAtOnce() {
        assertThatThrownBy(() -> prepare(Map.of("provider", " ", "apiKeyEnv", "1KEY", "prices", "cheap"),
                Duration.ofMinutes(30)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContainingAll("agents.cline.provider was ' '", "agents.cline.apiKeyEnv was '1KEY'",
                        "agents.cline.prices was 'cheap'");
    }

    private Invocation prepare(Map<String, Object> options, Duration time) {
        return new ClineAgent().prepare(scratch.request(options,
                new StepRequest.Budget(Optional.empty(), Optional.empty(), time)));
    }
}
