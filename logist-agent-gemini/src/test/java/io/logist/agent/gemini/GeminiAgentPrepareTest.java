package io.logist.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.BadInputException;
import io.logist.spi.Invocation;
import io.logist.testkit.ScratchStep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeminiAgentPrepareTest {
    @RegisterExtension
    final ScratchStep scratch = new ScratchStep();

    @Test
    void runsGeminiWithThePromptOnStandardInputAndStreamJsonOutput() {
        Invocation invocation = prepare(Map.of());

        assertThat(invocation.command()).containsExactly("gemini", "--yolo", "--skip-trust", "--output-format",
                "stream-json");
        assertThat(invocation.stdin()).contains(ScratchStep.PROMPT);
        assertThat(invocation.passThrough()).containsExactly("GEMINI_API_KEY");
    }

    @Test
    void bydefaultUsesTheUsersOwnHomeAndKeepsOnlyItsTemporaryFilesInTheStepDirectory() {
        Invocation invocation = prepare(Map.of());

        Path tmp = scratch.stepDirectory().resolve("tmp");
        assertThat(invocation.environment()).containsOnly(entry("TMPDIR", tmp.toString()), entry("NO_COLOR", "1"));
        assertThat(tmp).isEmptyDirectory();
        assertThat(scratch.stepDirectory().resolve("home")).doesNotExist();
    }

    @Test
    void withoutTheUsersConfigurationRunsInAHomeOfItsOwnWithSettingsForUnattendedRuns() throws IOException {
        Invocation invocation = prepare(Map.of("inheritUserConfig", false, "maxAttempts", 2));

        Path home = scratch.stepDirectory().resolve("home");
        assertThat(invocation.environment()).contains(entry("HOME", home.toString()),
                entry("XDG_CONFIG_HOME", home.resolve(".config").toString()),
                entry("XDG_DATA_HOME", home.resolve(".local/share").toString()),
                entry("XDG_CACHE_HOME", home.resolve(".cache").toString()),
                entry("XDG_STATE_HOME", home.resolve(".local/state").toString()));
        JsonNode settings = new ObjectMapper().readTree(home.resolve(".gemini/settings.json").toFile());
        assertThat(settings.at("/security/auth/selectedType").asText()).isEqualTo("gemini-api-key");
        assertThat(settings.at("/security/folderTrust/enabled").asBoolean(true)).isFalse();
        assertThat(settings.at("/general/maxAttempts").asInt()).isEqualTo(2);
        assertThat(settings.at("/general/enableAutoUpdate").asBoolean(true)).isFalse();
        assertThat(settings.at("/telemetry/enabled").asBoolean(true)).isFalse();
        assertThat(settings.at("/privacy/usageStatisticsEnabled").asBoolean(true)).isFalse();
        assertThat(scratch.workspace()).isEmptyDirectory();
    }

    @Test
    void passesTheModelTheBaseUrlAndTheExtraArguments() {
        Invocation invocation = prepare(Map.of("model", "gemini-2.5-pro", "baseUrl", "http://127.0.0.1:8080",
                "extraArgs", List.of("--debug"), "path", "/opt/gemini/bin/gemini"));

        assertThat(invocation.command()).containsExactly("/opt/gemini/bin/gemini", "--yolo", "--skip-trust",
                "--output-format", "stream-json", "--model", "gemini-2.5-pro", "--debug");
        assertThat(invocation.environment()).contains(entry("GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:8080"));
    }

    @Test
    void handsAKeyKeptUnderAnotherNameToTheCliAsGeminiApiKey() {
        Invocation invocation = prepare(Map.of("apiKeyEnv", "TEAM_GEMINI_KEY"));

        assertThat(invocation.passThrough()).containsExactly("TEAM_GEMINI_KEY");
        assertThat(invocation.command()).startsWith("sh", "-c")
                .endsWith("gemini", "--yolo", "--skip-trust", "--output-format", "stream-json");
        assertThat(invocation.command().get(2)).contains("GEMINI_API_KEY=\"${TEAM_GEMINI_KEY-}\"");
    }

    @Test
    void rejectsEveryInvalidOptionAtOnceAndWritesNothing() {
        assertThatThrownBy(() -> prepare(Map.of("inheritUserConfig", "sometimes", "maxAttempts", 0,
                "apiKeyEnv", "MY-KEY", "extraArgs", "--debug", "prices", Map.of("gemini-2.5-pro", "cheap"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContainingAll("agents.gemini.inheritUserConfig was 'sometimes'",
                        "agents.gemini.maxAttempts was '0'", "agents.gemini.apiKeyEnv was 'MY-KEY'",
                        "agents.gemini.extraArgs was '--debug'", "agents.gemini.prices.gemini-2.5-pro was 'cheap'");
        assertThat(scratch.stepDirectory()).doesNotExist();
    }

    private Invocation prepare(Map<String, Object> options) {
        return new GeminiAgent().prepare(scratch.request(options));
    }
}
