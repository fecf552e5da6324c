package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path directory;

    @Test
    void searchesThePathOfTheGivenEnvironmentOnly() throws IOException {
        Path bin = Files.createDirectory(directory.resolve("bin"));
        Path tool = executable(bin.resolve("tool"));
        Map<String, String> environment = Map.of("PATH", "/nonexistent:" + bin);

        assertThat(Executables.find("tool", environment, directory)).contains(tool);
        assertThat(Executables.find("sh", environment, directory)).as("sh is on the JVM's PATH, not this one")
                .isEmpty();
    }

    @Test
    void withoutPathSearchesWhatExecvpSearches() {
        assertThat(Executables.find("sh", Map.of(), directory))
                .hasValueSatisfying(sh -> assertThat(sh.getParent().toString()).isIn("/bin", "/usr/bin"));
    }

    @Test
    void anEmptyOrRelativePathEntryIsTheWorkingDirectory() throws IOException {
        Path here = executable(directory.resolve("here"));
        Path below = executable(Files.createDirectory(directory.resolve("tools")).resolve("below"));

        assertThat(Executables.find("here", Map.of("PATH", "/nonexistent:"), directory)).contains(here);
        assertThat(Executables.find("below", Map.of("PATH", "tools"), directory)).contains(below);
    }

    @Test
    void aNameWithASlashIsThatFileAgainstTheWorkingDirectory() throws IOException {
        Path script = executable(directory.resolve("run.sh"));

        assertThat(Executables.find("./run.sh", Map.of("PATH", "/nonexistent"), directory))
                .hasValueSatisfying(found -> assertThat(found).isAbsolute().satisfies(
                        same -> assertThat(Files.isSameFile(same, script)).isTrue()));
        assertThat(Executables.find(script.toString(), Map.of(), Path.of("/"))).contains(script);
    }

    @Test
    void aFileThatIsNotExecutableOrADirectoryIsNotAProgram() throws IOException {
        Files.writeString(directory.resolve("notes"), "just text");
        Files.createDirectory(directory.resolve("folder"));
        Map<String, String> environment = Map.of("PATH", directory.toString());

        assertThat(Executables.find("notes", environment, directory)).isEmpty();
        assertThat(Executables.find("folder", environment, directory)).isEmpty();
        assertThat(Executables.find("", environment, directory)).isEmpty();
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
