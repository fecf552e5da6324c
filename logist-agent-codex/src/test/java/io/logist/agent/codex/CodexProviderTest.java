package io.logist.agent.codex;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Probe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        assertThat(probe.detail()).contains("codex was not found on PATH").contains("npm install -g @openai/codex@0.169.0");
    }

    @Test
    void theBinaryIsFoundWithItsVersion() throws Exception {
        Path codex = directory.resolve("codex");
        Files.writeString(codex, "#!/bin/sh\necho 'codex-cli 0.169.0'\n");
        Files.setPosixFilePermissions(codex, PosixFilePermissions.fromString("rwxr-xr-x"));

        Probe probe = new CodexProvider().probe(Map.of(), Map.of("PATH", directory.toString()));

        assertThat(probe.available()).as("available: %s", probe.detail()).isTrue();
        assertThat(probe.version()).contains("0.169.0");
    }

    @Test
    void aConfiguredPathThatIsNotThereSaysSo() {
        Probe probe = new CodexProvider().probe(Map.of("path", "/nonexistent/codex"), Map.of());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.codex.path (/nonexistent/codex) is not an executable file");
    }
}
