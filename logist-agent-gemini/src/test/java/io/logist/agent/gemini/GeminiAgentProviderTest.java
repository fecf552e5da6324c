package io.logist.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void isAvailableWhereGeminiOnThePathPrintsItsVersion() throws IOException {
        Path gemini = script("gemini", "echo 0.61.0");

        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin + ":/usr/bin:/bin"));

        assertThat(probe.available()).isTrue();
        assertThat(probe.version()).contains("0.61.0");
        assertThat(probe.detail()).isEqualTo("gemini 0.61.0 found at " + gemini);
    }

    @Test
    void asksForTheVersionInAThrowawayHomeSoThatTheUsersOwnIsNeverWritten(@TempDir Path userHome)
            throws IOException {
        script("gemini", "mkdir -p \"$HOME/.gemini\" && touch \"$HOME/.gemini/projects.json\" && echo 0.61.0");

        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", userHome.toString()));

        assertThat(probe.available()).isTrue();
        assertThat(userHome).isEmptyDirectory();
    }

    @Test
    void usesTheConfiguredPathInsteadOfThePath() throws IOException {
        Path gemini = script("gemini-nightly", "echo 0.62.0-nightly.20261120");

        Probe probe = provider.probe(Map.of("path", gemini.toString()), Map.of("PATH", "/usr/bin:/bin"));

        assertThat(probe.version()).contains("0.62.0-nightly.20261120");
    }

    @Test
    void isUnavailableWithoutGeminiAndSaysHowToInstallIt() {
        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("gemini was not found on PATH (" + bin + ")",
                "npm install -g @google/gemini-cli", "agents.gemini.path");
        assertThat(probe.version()).isEqualTo(Optional.empty());
    }

    @Test
    void isUnavailableWhenTheConfiguredPathIsNoExecutable() {
        Probe probe = provider.probe(Map.of("path", bin.resolve("nothing").toString()), Map.of());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("gemini was not found at " + bin.resolve("nothing"));
    }

    @Test
    void isUnavailableWhenGeminiFailsToPrintAVersion() throws IOException {
        script("gemini", "echo 'Error: cannot find module' >&2; exit 1");

        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin + ":/usr/bin:/bin"));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("printed no version", "npm install -g @google/gemini-cli");
    }

    @Test
    void isUnavailableWithInvalidOptionsAndSaysWhichOne() {
        Probe probe = provider.probe(Map.of("maxAttempts", "many"), Map.of());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.gemini.maxAttempts was 'many'");
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
