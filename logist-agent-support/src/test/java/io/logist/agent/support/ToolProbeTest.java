package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Probe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolProbeTest {
    private static final ToolProbe TOOL = new ToolProbe("my-cli", "npm install -g my-cli@1.2.3");

    @TempDir
    Path bin;

    @Test
    void findsTheToolOnThePathWithItsVersion() throws IOException {
        Path tool = script("my-cli", "echo 'my-cli 0.61.0 (stable)'");

        Probe probe = TOOL.probe("my-agent", Optional.empty(), Map.of("PATH", "/nonexistent:" + bin));

        assertThat(probe.available()).as(probe.detail()).isTrue();
        assertThat(probe.version()).contains("0.61.0");
        assertThat(probe.detail()).isEqualTo("my-cli 0.61.0 found at " + tool);
    }

    @Test
    void theConfiguredPathWinsOverThePath() throws IOException {
        script("my-cli", "echo 1.0.0");
        Path nightly = script("my-cli-nightly", "echo 0.62.0-nightly.20261120");

        Probe probe = TOOL.probe("my-agent", Optional.of(nightly.toString()), Map.of("PATH", bin.toString()));

        assertThat(probe.version()).contains("0.62.0-nightly.20261120");
    }

    @Test
    void asksForTheVersionWithTheAgentsEnvironmentButInAThrowawayHome(@TempDir Path userHome) throws IOException {
        script("my-cli", "mkdir -p \"$HOME/.my-cli\" && touch \"$HOME/.my-cli/projects.json\" && echo \"$MY_CLI_VERSION\"");

        Probe probe = TOOL.probe("my-agent", Optional.empty(), Map.of("PATH", bin + ":/usr/bin:/bin",
                "HOME", userHome.toString(), "MY_CLI_VERSION", "4.5.6"));

        assertThat(probe.version()).as(probe.detail()).contains("4.5.6");
        assertThat(userHome).isEmptyDirectory();
    }

    @Test
    void aMissingToolSaysHowToInstallItAndWhichOptionFindsIt() {
        Probe probe = TOOL.probe("my-agent", Optional.empty(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.version()).isEmpty();
        assertThat(probe.detail()).isEqualTo("my-cli was not found on PATH (" + bin + "); install it with: npm install"
                + " -g my-cli@1.2.3, or set agents.my-agent.path to the binary");
    }

    @Test
    void aConfiguredPathThatIsNoExecutableFileSaysSo() throws IOException {
        Files.createDirectory(bin.resolve("my-cli"));

        Probe probe = TOOL.probe("my-agent", Optional.of(bin.resolve("my-cli").toString()), Map.of());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).startsWith("agents.my-agent.path (" + bin.resolve("my-cli")
                + ") is not an executable file").contains("npm install -g my-cli@1.2.3");
    }

    @Test
    void aToolThatFailsItsVersionIsUnavailableWithWhatItSaid() throws IOException {
        script("my-cli", "echo 'Error: cannot find module' >&2; exit 3");

        Probe probe = TOOL.probe("my-agent", Optional.empty(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("exited with code 3: Error: cannot find module",
                "reinstall it with: npm install -g my-cli@1.2.3");
    }

    @Test
    void aToolThatPrintsNoVersionIsUnavailable() throws IOException {
        script("my-cli", "echo 'usage: my-cli [options]'");

        Probe probe = TOOL.probe("my-agent", Optional.empty(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("printed no version for --version: usage: my-cli [options]");
    }

    @Test
    void findsTheFirstExecutableFileOnThePathAsAShellDoes(@TempDir Path other) throws IOException {
        Files.createDirectory(bin.resolve("sh"));
        Path shell = other.resolve("sh");
        Files.writeString(shell, "#!/bin/sh\n");
        Files.setPosixFilePermissions(shell, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(ToolProbe.findOnPath("sh", bin + ":" + other)).contains(shell);
        assertThat(ToolProbe.findOnPath("sh", bin.toString())).isEmpty();
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
