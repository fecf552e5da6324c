package io.logist.agent.codex;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Probe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexProviderTest {
    @TempDir
    Path directory;

    @Test
    void aMissingBinarySaysWhichPackageToInstall() {
        Probe probe = new CodexProvider().probe(Map.of(), Map.of("PATH", directory.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("codex was not found on PATH").contains("npm install -g @openai/codex@0.169.0")
                .contains("agents.codex.path");
    }

    @Test
    void anUnknownSandboxMakesTheAgentUnavailableWithTheReason() {
        Probe probe = new CodexProvider().probe(Map.of("sandbox", "docker"), Map.of("PATH", ""));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.codex.sandbox was 'docker' but it must be one of: none,"
                + " workspace-write, read-only");
    }
}
