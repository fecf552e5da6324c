package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.RunnerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentFileTest {
    @TempDir
    Path step;

    @Test
    void singleLineValuesGoIntoAFileOnlyTheOwnerCanRead() throws Exception {
        try (EnvironmentFile file = EnvironmentFile.write("docker", step, ".c.env",
                Map.of("B", " spaced value ", "A", "x=y", "EMPTY", ""))) {
            Path written = step.resolve(".c.env");

            assertThat(Files.readString(written)).isEqualTo("A=x=y\nB= spaced value \nEMPTY=\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
            assertThat(file.options()).containsExactly("--env-file", written.toString());
            assertThat(file.clientEnvironment()).isEmpty();
        }
    }

    @Test
    void valuesOverSeveralLinesGoByNameThroughTheClientsEnvironment() throws Exception {
        try (EnvironmentFile file = EnvironmentFile.write("docker", step, ".c.env",
                Map.of("KEY", "-----BEGIN\nabc\n-----END", "CR", "a\rb", "PLAIN", "p"))) {

            assertThat(Files.readString(step.resolve(".c.env"))).isEqualTo("PLAIN=p\n");
            assertThat(file.options()).containsExactly("--env-file", step.resolve(".c.env").toString(),
                    "--env", "CR", "--env", "KEY");
            assertThat(file.clientEnvironment()).isEqualTo(Map.of("KEY", "-----BEGIN\nabc\n-----END", "CR", "a\rb"));
        }
    }

    @Test
    void closingDeletesTheFile() {
        EnvironmentFile file = EnvironmentFile.write("docker", step, ".c.env", Map.of("A", "1"));

        file.close();

        assertThat(step.resolve(".c.env")).doesNotExist();
    }

    @Test
    void aNameTheEngineCannotTakeIsRefusedAndNothingIsWritten() {
        for (String name : List.of("#A", "A B", "")) {
            assertThatThrownBy(() -> EnvironmentFile.write("podman", step, ".c.env", Map.of(name, "v")))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("'" + name + "'");
            assertThat(step.resolve(".c.env")).doesNotExist();
        }
    }
}
