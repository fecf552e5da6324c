package io.logist.agent.claude;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Probe;
import java.nio.file.Path;
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
                .contains("npm install -g @anthropic-ai/claude-code@2.1.197")
                .contains("agents.claude-code.path");
    }

    @Test
    void invalidOptionsMakeTheAgentUnavailableWithTheReason() {
        Probe probe = new ClaudeCodeProvider().probe(Map.of("maxRetries", -1L), Map.of("PATH", ""));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.claude-code.maxRetries was '-1'");
    }
}
