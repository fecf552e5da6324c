package io.logist.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiAgentProviderTest {
    private final GeminiAgentProvider provider = new GeminiAgentProvider();

    @TempDir
    Path bin;

    @Test
    void isCalledGeminiAndOffersItsOwnOptions() {
        assertThat(provider.id()).isEqualTo("gemini");
        assertThat(provider.options()).extracting(OptionSpec::name).containsExactly("maxAttempts", "prices");
    }

    @Test
    void isUnavailableWithoutGeminiAndSaysHowToInstallIt() {
        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("gemini was not found on PATH (" + bin + ")",
                "npm install -g @google/gemini-cli@0.61.0", "agents.gemini.path");
        assertThat(probe.version()).isEqualTo(Optional.empty());
    }

    @Test
    void isUnavailableWithInvalidOptionsAndSaysWhichOne() {
        Probe probe = provider.probe(Map.of("maxAttempts", "many"), Map.of());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.gemini.maxAttempts was 'many'");
    }
}
