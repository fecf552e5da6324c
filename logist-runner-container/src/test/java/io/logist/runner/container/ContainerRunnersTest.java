package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe and the failures of a start, against a fake engine client written as a script. */
class ContainerRunnersTest {
    @TempDir
    Path dir;

    /** Writes the fake client: it logs each call, then runs {@code body} (a {@code case "$1"} of sh). */
    private Map<String, String> client(String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("fake");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> \"$CALLS\"\ncase \"$1\" in\n" + body + "\nesac\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return Map.of("PATH", bin + ":/usr/bin:/bin", "CALLS", dir.resolve("calls").toString());
    }

    @Test
    void probeSaysHowToInstallAnEngineThatIsNotOnThePath() {
        Probe probe = ContainerRunners.probe(new FakeEngine(), Map.of("PATH", dir.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("the fake command is not on the PATH (" + dir + ")")
                .contains("install fake from the fake store");
    }

    @Test
    void probeSaysTheEngineDoesNotAnswerWithWhatTheClientPrinted() throws Exception {
        Map<String, String> environment = client("version) echo 'Cannot connect to the daemon' >&2; exit 1 ;;");

        Probe probe = ContainerRunners.probe(new FakeEngine(), environment);

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).isEqualTo("fake is installed (" + dir.resolve("bin/fake")
                + ") but does not answer: Cannot connect to the daemon.");
    }

    @Test
    void probeReportsTheEnginesVersion() throws Exception {
        Map<String, String> environment = client("version) echo 27.1.0 ;;");

        Probe probe = ContainerRunners.probe(new FakeEngine(), environment);

        assertThat(probe.available()).isTrue();
        assertThat(probe.version()).contains("27.1.0");
        assertThat(probe.detail()).contains("fake 27.1.0", dir.resolve("bin/fake").toString());
    }

    @Test
    void aMissingImageSaysHowToGetItAndThatItIsNotPulled() throws Exception {
        Map<String, String> environment = client("""
                run) echo 'Error: no such image' >&2; exit 125 ;;
                image) exit 1 ;;
                rm) exit 0 ;;""");
        Runner runner = ContainerRunners.create(new FakeEngine(), new RunnerContext(dir, environment, Clock.systemUTC()));

        assertThatThrownBy(() -> runner.start(request(Map.of(), Map.of("image", "team/agent:1")), (c, l) -> { }))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("the image 'team/agent:1' is not in fake's image store")
                .hasMessageContaining("runners.fake.pull is 'never'")
                .hasMessageContaining("'fake load -i image.tar'")
                .hasMessageContaining("runners.fake.pull=missing");
    }

    @Test
    void aStartTheEngineRefusesNamesTheProgramAndWhatTheEngineSaid() throws Exception {
        Map<String, String> environment = client("""
                run) echo 'exec: "claude": executable file not found in $PATH' >&2; exit 127 ;;
                image) echo sha256:1 ;;
                rm) exit 0 ;;""");
        Runner runner = ContainerRunners.create(new FakeEngine(), new RunnerContext(dir, environment, Clock.systemUTC()));

        assertThatThrownBy(() -> runner.start(request(Map.of(), Map.of("image", "agent")), (c, l) -> { }))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("cannot start 'claude' in a container of image 'agent'")
                .hasMessageContaining("executable file not found");
        assertThat(Files.readAllLines(dir.resolve("calls"))).as("the container that could not start is removed")
                .anyMatch(call -> call.startsWith("rm --force logist-job-1-4-"));
    }

    @Test
    void environmentValuesNeverAppearOnTheClientsCommandLineAndTheirFileIsDeleted() throws Exception {
        Map<String, String> environment = client("""
                run) while [ $# -gt 0 ]; do
                       [ "$1" = --env-file ] && cp "$2" "$CALLS.env" && ls -l "$2" | cut -c1-10 > "$CALLS.mode"
                       shift
                     done
                     echo 'refused' >&2; exit 125 ;;
                image) echo sha256:1 ;;
                rm) exit 0 ;;""");
        Runner runner = ContainerRunners.create(new FakeEngine(), new RunnerContext(dir, environment, Clock.systemUTC()));

        assertThatThrownBy(() -> runner.start(request(Map.of("API_KEY", "sk-very-secret"), Map.of("image", "agent")),
                (c, l) -> { })).isInstanceOf(RunnerException.class);

        assertThat(Files.readString(dir.resolve("calls"))).doesNotContain("sk-very-secret");
        assertThat(Files.readString(dir.resolve("calls.env"))).isEqualTo("API_KEY=sk-very-secret\n");
        assertThat(Files.readString(dir.resolve("calls.mode")).strip()).isEqualTo("-rw-------");
        try (var left = Files.list(dir.resolve("step"))) {
            assertThat(left).as("files left in the step directory").isEmpty();
        }
    }

    private ExecutionRequest request(Map<String, String> environment, Map<String, Object> options) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Path step = Files.createDirectories(dir.resolve("step"));
        return new ExecutionRequest(JobId.of("job-1"), 4, List.of("claude", "-p", "hello"), environment, workspace,
                step, Optional.of(""), options);
    }
}
