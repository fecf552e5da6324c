package io.logist.agent.claude;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCodeProviderTest {
    @TempDir
    Path directory;

    @Test
    void aMissingBinarySaysWhichPackageToInstall() {
        Probe probe = new ClaudeCodeProvider().probe(Map.of(), Map.of("PATH", directory.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("claude was not found on PATH (" + directory + ")")
                .contains("npm install -g @anthropic-ai/claude-code@2.1.197");
    }

    @Test
    void theBinaryOnThePathIsFoundWithItsVersion() throws Exception {
        Path claude = script("claude", "echo '2.1.197 (Claude Code)'");

        Probe probe = new ClaudeCodeProvider().probe(Map.of(), Map.of("PATH", "/nonexistent:" + directory));

        assertThat(probe.available()).as("available: %s", probe.detail()).isTrue();
        assertThat(probe.version()).contains("2.1.197");
        assertThat(probe.detail()).contains(claude.toString());
    }

    @Test
    void theConfiguredPathWinsOverThePath() throws Exception {
        Path custom = script("my-claude", "echo '9.8.7 (Claude Code)'");

        Probe probe = new ClaudeCodeProvider().probe(Map.of("path", custom.toString()), Map.of("PATH", ""));

        assertThat(probe.version()).contains("9.8.7");
    }

    @Test
    void aBinaryThatFailsItsVersionIsUnavailable() throws Exception {
        script("claude", "echo 'broken install' >&2; exit 3");

        Probe probe = new ClaudeCodeProvider().probe(Map.of(), Map.of("PATH", directory.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("exited with code 3").contains("broken install");
    }

    @Test
    void invalidOptionsMakeTheAgentUnavailableWithTheReason() {
        Probe probe = new ClaudeCodeProvider().probe(Map.of("maxRetries", -1L), Map.of("PATH", ""));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.claude-code.maxRetries was '-1'");
    }

    private Path script(String name, String body) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
