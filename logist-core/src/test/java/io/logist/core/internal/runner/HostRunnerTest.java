package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the host runner does beyond the runner contract: sessions, handles, program lookup, sweeps, output
 * files and re-attaching.
 */
class HostRunnerTest {
    private static final HostTools TOOLS = HostTools.locate(System.getenv());
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Map<String, String> PATH_ONLY = Map.of("PATH", System.getenv("PATH"));

    private static final Path HOME = Path.of("/tmp/logist-host-runner-test-home");

    @TempDir
    Path workspace;

    @TempDir
    Path stepDirectory;

    private final ProcFs proc = ProcFs.system();
    private final HostRunner runner = new HostRunner(TOOLS, proc, Ticker.SYSTEM, HOME);
    private final Lines lines = new Lines();
    private final List<Execution> started = new ArrayList<>();
    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(execution -> execution.terminate(Duration.ZERO));
        // Also what a test left out of reach of its execution: every process has the job in its environment.
        new JobProcesses(proc, HOME).kill(JobId.of("host-test"));
    }

    @Test
    void theCommandLeadsItsOwnSessionAndProcessGroup() throws Exception {
        Execution execution = start(runner, "echo ready; sleep 30");
        Eventually.until("the command to run", () -> lines.stdout().contains("ready"));
        long pid = Long.parseLong(execution.handle().get("pid"));

        ProcStat stat = proc.stat(pid).orElseThrow();

        assertThat(stat.groupId()).isEqualTo(pid);
        assertThat(stat.sessionId()).isEqualTo(pid);
        assertThat(execution.handle()).containsEntry("pgid", Long.toString(pid))
                .containsEntry("startTime", Long.toString(stat.startTime()))
                .containsEntry("host", proc.hostname())
                .containsEntry("stdout", stepDirectory.resolve("host-1/stdout").toString())
                .containsEntry("stderr", stepDirectory.resolve("host-1/stderr").toString())
                .containsEntry("exit", stepDirectory.resolve("host-1/exit").toString());
    }

    @Test
    void theEnvironmentIsThePassedOnePlusTheHomeAndTheJob() throws Exception {
        Execution execution = runner.start(request(List.of("env"), Map.of("PATH", "/usr/bin:/bin", "ONLY", "this",
                "LOGIST_JOB", "not-this-one"), Optional.empty()), lines);

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(lines.stdout()).containsExactlyInAnyOrder("PATH=/usr/bin:/bin", "ONLY=this",
                "LOGIST_HOME=" + HOME, "LOGIST_JOB=host-test");
    }

    @Test
    void theProgramIsFoundOnThePathOfTheCommandNotOfTheJvm() throws Exception {
        Path bin = Files.createDirectory(workspace.resolve("bin"));
        Path greet = bin.resolve("greet");
        Files.writeString(greet, "#!/bin/sh\necho hello from greet\n");
        Files.setPosixFilePermissions(greet, PosixFilePermissions.fromString("rwxr-xr-x"));

        Execution execution = runner.start(request(List.of("greet"), Map.of("PATH", bin + ":/usr/bin:/bin"),
                Optional.empty()), lines);

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(lines.stdout()).containsExactly("hello from greet");
        assertThatThrownBy(() -> runner.start(request(List.of("sh"), Map.of("PATH", bin.toString()),
                Optional.empty()), lines))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("'sh'").hasMessageContaining(bin.toString());
    }

    @Test
    void aMissingWorkingDirectoryIsARunnerExceptionNamingIt() {
        Path missing = workspace.resolve("not-created");
        ExecutionRequest request = new ExecutionRequest(JobId.of("host-test"), 1, List.of("sh", "-c", "true"),
                PATH_ONLY, missing, stepDirectory, Optional.empty(), Map.of());

        assertThatThrownBy(() -> runner.start(request, lines))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("create it");
    }

    @Test
    void stdinLargerThanAPipeIsWrittenWithoutHoldingUpStart() throws Exception {
        String input = "x".repeat(1024 * 1024);
        long before = System.nanoTime();

        Execution execution = runner.start(request(List.of("sh", "-c", "sleep 1; wc -c"), PATH_ONLY,
                Optional.of(input)), lines);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(700));
        started.add(execution);
        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(lines.stdout()).singleElement().satisfies(count -> assertThat(count.strip()).isEqualTo("1048576"));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void terminateKillsOnceTheTickerSaysTheGracePeriodIsOver() throws Exception {
        AtomicLong looks = new AtomicLong();
        Ticker anHourPerLook = () -> looks.getAndIncrement() * Duration.ofHours(1).toNanos();
        Execution execution = start(new HostRunner(TOOLS, proc, anHourPerLook, HOME),
                "trap '' TERM; echo stubborn; while true; do sleep 1; done");
        Eventually.until("the trap to be set", () -> lines.stdout().contains("stubborn"));

        execution.terminate(Duration.ofHours(1));

        assertThat(execution.isAlive()).isFalse();
    }

    @Test
    void whatSurvivesTheKillIsReportedByPid() throws Exception {
        Path inertKill = Executables.find("true", PATH_ONLY, workspace).orElseThrow();
        HostRunner unableToKill = new HostRunner(new HostTools(TOOLS.setsid(), inertKill, TOOLS.sh()), proc,
                Ticker.SYSTEM, HOME);
        Execution execution = unableToKill.start(request(List.of("sleep", "30"), PATH_ONLY, Optional.empty()), lines);
        String pid = execution.handle().get("pid");

        assertThatThrownBy(() -> execution.terminate(Duration.ZERO))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining(pid).hasMessageContaining("still running");
        assertThat(execution.isAlive()).isTrue();
    }

    @Test
    void waitForDoesNotWaitForALeftoverProcessThatHoldsTheOutput() throws Exception {
        Execution execution = start(runner, "sleep 30 & echo $!; echo main done");
        long before = System.nanoTime();

        Optional<Integer> exit = execution.waitFor(PATIENCE);

        assertThat(exit).contains(0);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        long leftover = Long.parseLong(lines.stdout().get(0));
        assertThat(ProcessHandle.of(leftover)).as("the leftover still holds the output file").isPresent();
        assertThat(lines.stdout()).containsExactly(Long.toString(leftover), "main done");
    }

    @Test
    void terminateAfterExitSweepsWhatTheCommandLeftRunning() throws Exception {
        Execution execution = start(runner, "sleep 30 >/dev/null 2>&1 & echo $!");
        assertThat(execution.waitFor(PATIENCE)).contains(0);
        long leftover = Long.parseLong(lines.stdout().get(0));
        assertThat(proc.stat(leftover)).hasValueSatisfying(stat -> assertThat(stat.isDead()).isFalse());

        execution.terminate(PATIENCE);

        assertThat(proc.stat(leftover).filter(stat -> !stat.isDead())).as("still running").isEmpty();
        assertThat(execution.waitFor(PATIENCE)).as("the exit code of the command itself").contains(0);
    }

    @Test
    void terminateReachesADescendantThatStartedItsOwnSession() throws Exception {
        Execution execution = start(runner, "setsid sleep 30 & echo $!; wait");
        Eventually.until("the pid of the escaped process", () -> !lines.stdout().isEmpty());
        long escaped = Long.parseLong(lines.stdout().get(0));
        Eventually.until("the escaped process to lead its own session",
                () -> proc.stat(escaped).map(stat -> stat.sessionId() == escaped).orElse(false));

        execution.terminate(PATIENCE);

        assertThat(execution.isAlive()).isFalse();
        assertThat(proc.stat(escaped).filter(stat -> !stat.isDead())).as("still running").isEmpty();
    }

    @Test
    void theOutputAndTheExitCodeAreWrittenToFilesOfTheStepDirectory() throws Exception {
        Execution first = start(runner, "echo out; echo err >&2; exit 4");
        Execution second = start(runner, "echo second");

        assertThat(first.waitFor(PATIENCE)).contains(4);
        assertThat(second.waitFor(PATIENCE)).contains(0);
        assertThat(Files.readString(stepDirectory.resolve("host-1/stdout"))).isEqualTo("out\n");
        assertThat(Files.readString(stepDirectory.resolve("host-1/stderr"))).isEqualTo("err\n");
        assertThat(Files.readString(stepDirectory.resolve("host-1/exit"))).isEqualTo("4\n");
        assertThat(Files.readString(stepDirectory.resolve("host-2/stdout"))).isEqualTo("second\n");
    }

    @Test
    void reattachDeliversTheWholeOutputAgainAndFollowsUntilTheExit() throws Exception {
        Path release = workspace.resolve("release");
        Execution original = start(runner, "echo before; echo warn >&2; while [ ! -e release ]; do sleep 0.05; done;"
                + " echo after; exit 5");
        Eventually.until("the first line", () -> lines.stdout().contains("before"));
        Lines again = new Lines();

        Execution found = new HostRunner(TOOLS, proc, Ticker.SYSTEM, HOME).reattach(original.handle(), again)
                .orElseThrow();

        Eventually.until("the old line again", () -> again.stdout().contains("before"));
        assertThat(found.isAlive()).isTrue();
        assertThat(found.handle()).isEqualTo(original.handle());
        assertThat(found.waitFor(Duration.ofMillis(100))).as("still running").isEmpty();
        Files.createFile(release);
        assertThat(found.waitFor(PATIENCE)).contains(5);
        assertThat(again.stdout()).containsExactly("before", "after");
        assertThat(again.stderr()).containsExactly("warn");
    }

    @Test
    void reattachToAnExecutionThatEndedMeanwhileReportsItsRecordedExitCode() throws Exception {
        Execution original = start(runner, "echo done; exit 3");
        assertThat(original.waitFor(PATIENCE)).contains(3);
        Lines again = new Lines();

        Execution found = runner.reattach(original.handle(), again).orElseThrow();

        assertThat(found.isAlive()).isFalse();
        assertThat(found.waitFor(PATIENCE)).contains(3);
        assertThat(again.stdout()).containsExactly("done");
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotReattached() throws Exception {
        Execution execution = start(runner, "echo ready; sleep 30");
        Eventually.until("the command to run", () -> lines.stdout().contains("ready"));
        Map<String, String> handle = new HashMap<>(execution.handle());
        handle.put("startTime", Long.toString(Long.parseLong(handle.get("startTime")) + 1));

        assertThat(runner.reattach(handle, new Lines())).isEmpty();
        assertThat(runner.reattach(execution.handle(), new Lines())).as("the true start time").isPresent();
    }

    @Test
    void aWrapperKilledBeforeRecordingAnExitCodeIsNotReattached() throws Exception {
        Execution execution = start(runner, "echo ready; sleep 30");
        Eventually.until("the command to run", () -> lines.stdout().contains("ready"));
        long pid = Long.parseLong(execution.handle().get("pid"));

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Eventually.until("the wrapper to end", () -> !execution.isAlive());

        assertThat(runner.reattach(execution.handle(), new Lines())).isEmpty();
    }

    @Test
    void anExecutionOfAnotherHostOrAForeignHandleIsNotReattached() throws Exception {
        Execution execution = start(runner, "echo ready; sleep 30");
        Eventually.until("the command to run", () -> lines.stdout().contains("ready"));
        Map<String, String> elsewhere = new HashMap<>(execution.handle());
        elsewhere.put("host", "another-" + proc.hostname());

        assertThat(runner.reattach(elsewhere, new Lines())).isEmpty();
        assertThat(runner.reattach(Map.of("containerId", "abc"), new Lines())).isEmpty();
    }

    @Test
    void terminateOfAReattachedExecutionStopsItsWholeSession() throws Exception {
        Execution execution = start(runner, "sleep 30 & echo $!; wait");
        Eventually.until("the pid of the child", () -> !lines.stdout().isEmpty());
        long child = Long.parseLong(lines.stdout().get(0));
        Execution found = runner.reattach(execution.handle(), new Lines()).orElseThrow();

        found.terminate(PATIENCE);

        assertThat(found.isAlive()).isFalse();
        assertThat(proc.stat(child).filter(stat -> !stat.isDead())).as("still running").isEmpty();
        assertThat(found.waitFor(PATIENCE)).as("killed before recording an exit code")
                .contains(HostExecution.KILLED_EXIT_CODE);
    }

    @Test
    void theProcessesOfAJobAreFoundByTheirEnvironmentAndKilled() throws Exception {
        Execution execution = start(runner, "sleep 30 & echo $!; wait");
        Eventually.until("the pid of the child", () -> !lines.stdout().isEmpty());
        long child = Long.parseLong(lines.stdout().get(0));
        long wrapper = Long.parseLong(execution.handle().get("pid"));
        JobProcesses processes = new JobProcesses(proc, HOME);

        assertThat(processes.of(JobId.of("host-test"))).extracting(ProcStat::pid).contains(wrapper, child);
        assertThat(processes.of(JobId.of("another-job"))).isEmpty();
        assertThat(new JobProcesses(proc, HOME.resolve("other")).all()).isEmpty();
        assertThat(processes.kill(JobId.of("host-test"))).extracting(ProcStat::pid).contains(wrapper, child);
        assertThat(processes.of(JobId.of("host-test"))).isEmpty();
    }

    private Execution start(HostRunner which, String script) {
        Execution execution = which.start(request(List.of("sh", "-c", script), PATH_ONLY, Optional.empty()), lines);
        started.add(execution);
        return execution;
    }

    private ExecutionRequest request(List<String> command, Map<String, String> environment, Optional<String> stdin) {
        return new ExecutionRequest(JobId.of("host-test"), 1, command, environment, workspace, stepDirectory, stdin,
                Map.of());
    }

    /** Keeps what arrives, safe to read while the reader threads write. */
    private static final class Lines implements OutputSink {
        private final List<String> stdout = new ArrayList<>();
        private final List<String> stderr = new ArrayList<>();

        @Override
        public synchronized void line(OutputChannel channel, String line) {
            (channel == OutputChannel.STDOUT ? stdout : stderr).add(line);
        }

        synchronized List<String> stdout() {
            return List.copyOf(stdout);
        }

        synchronized List<String> stderr() {
            return List.copyOf(stderr);
        }
    }
}
