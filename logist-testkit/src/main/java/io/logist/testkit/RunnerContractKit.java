package io.logist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import io.logist.spi.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Runner} keeps: extend this class, return the runner from {@link #runner()}, and
 * every test here runs against it. Commands use only POSIX {@code sh} and the tools busybox has, so the kit
 * also runs inside a minimal container image. The workspace and step directory are temporary directories
 * on this machine; a container runner mounts them at the same paths. A runner that hangs fails a test after
 * a minute instead of hanging the build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class RunnerContractKit {
    /** Bound for anything expected to happen promptly; a passing test never waits this long. */
    protected static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Grace period for terminations of processes that exit on SIGTERM. */
    protected static final Duration GRACE = Duration.ofSeconds(5);

    private static final Duration POLL = Duration.ofMillis(10);

    /** The job's workspace: the working directory of every command the kit starts. */
    @TempDir
    protected Path workspace;

    /** The step's private directory. */
    @TempDir
    protected Path stepDirectory;

    private final List<Execution> started = new ArrayList<>();

    /** The runner under test. The kit does not close it. */
    protected abstract Runner runner();

    /** The {@code runners.<id>.*} options every request carries. */
    protected Map<String, Object> options() {
        return Map.of();
    }

    /** The environment every command gets, plus what a test adds; by default only this JVM's {@code PATH}. */
    protected Map<String, String> baseEnvironment() {
        return Map.of("PATH", Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"));
    }

    /**
     * Asserts that the process {@code pid}, as seen from where the runner runs commands, has ended. The
     * default looks at this machine's process table, which is right for runners that start local processes.
     */
    protected void assertGone(long pid) {
        await("process " + pid + " to be gone", () -> ProcessHandle.of(pid).map(handle -> !handle.isAlive()
                || hasEnded(Path.of("/proc", Long.toString(pid), "stat"))).orElse(true));
    }

    /**
     * Whether a Linux {@code /proc/<pid>/stat} file shows an ended process (state Z or X) that only waits for
     * its parent to collect it: {@link ProcessHandle#isAlive()} still counts those, and when the parent is an
     * init that collects late, they would look alive for seconds.
     */
    private static boolean hasEnded(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The state follows the process name, which is in parentheses and may itself contain ')'.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            // No /proc here, or the process just vanished: ProcessHandle alone decides on the next poll.
            return false;
        }
    }

    @AfterEach
    void stopWhatTheTestStarted() {
        started.forEach(execution -> execution.terminate(Duration.ZERO));
    }

    @Test
    void runsTheCommandInTheWorkspace() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "pwd");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly(workspace.toRealPath().toString());
    }

    @Test
    void exitCodeIsReported() throws Exception {
        Execution execution = start(new RecordingSink(), "exit 7");

        assertThat(execution.waitFor(PATIENCE)).contains(7);
        assertThat(execution.isAlive()).isFalse();
    }

    @Test
    void stdoutAndStderrArriveAsSeparateChannelsInOrder() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "echo out1; echo err1 >&2; echo out2; echo err2 >&2; echo out3");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("out1", "out2", "out3");
        assertThat(sink.lines(OutputChannel.STDERR)).containsExactly("err1", "err2");
    }

    @Test
    void outputArrivesWhileTheProcessRuns() throws Exception {
        RecordingSink sink = new RecordingSink();
        Path release = workspace.resolve("release");

        Execution execution = start(sink, "echo waiting; while [ ! -e release ]; do sleep 0.05; done; echo released");

        await("the first line while the process waits", () -> sink.lines(OutputChannel.STDOUT).contains("waiting"));
        assertThat(execution.isAlive()).isTrue();
        Files.createFile(release);
        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("waiting", "released");
    }

    @Test
    void environmentIsExactlyWhatWasPassed() throws Exception {
        Map<String, String> notPassed = new HashMap<>(System.getenv());
        notPassed.keySet().removeAll(baseEnvironment().keySet());
        // A container sets its own home and host name, which may equal this machine's.
        notPassed.keySet().removeAll(List.of("HOME", "HOSTNAME"));
        assumeFalse(notPassed.isEmpty(), "this JVM has no environment variable a runner could leak");
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, Map.of("LOGIST_KIT_VALUE", "passed through"), Optional.empty(), "env");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        List<String> seen = sink.lines(OutputChannel.STDOUT);
        assertThat(seen).contains("LOGIST_KIT_VALUE=passed through");
        assertThat(seen).as("variables of the JVM that were not passed")
                .doesNotContainAnyElementsOf(notPassed.entrySet().stream()
                        .map(variable -> variable.getKey() + "=" + variable.getValue()).toList());
    }

    @Test
    void stdinIsWrittenAndClosed() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, Map.of(), Optional.of("first line\nsecond line\n"), "cat");

        assertThat(execution.waitFor(PATIENCE)).as("cat ends once its input is closed").contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("first line", "second line");
    }

    @Test
    void openStdinBlocksUntilTerminated() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "echo asking; read answer; echo got $answer");

        await("the question", () -> sink.lines(OutputChannel.STDOUT).contains("asking"));
        assertThat(execution.waitFor(Duration.ofMillis(300))).as("still waiting for input").isEmpty();
        assertThat(execution.isAlive()).isTrue();
        execution.terminate(GRACE);
        assertThat(execution.isAlive()).isFalse();
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("asking");
    }

    @Test
    void terminateKillsTheWholeProcessTree() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "sleep 300 & echo $! > grandchild.pid; echo started; wait");

        await("the grandchild to start", () -> sink.lines(OutputChannel.STDOUT).contains("started"));
        long grandchild = Long.parseLong(Files.readString(workspace.resolve("grandchild.pid")).strip());
        execution.terminate(GRACE);
        assertThat(execution.isAlive()).isFalse();
        assertGone(grandchild);
    }

    @Test
    void terminateIgnoringSigtermEscalatesToKill() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "trap '' TERM; echo stubborn; while true; do sleep 1; done");

        await("the trap to be set", () -> sink.lines(OutputChannel.STDOUT).contains("stubborn"));
        long before = System.nanoTime();
        execution.terminate(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("waited for the grace period")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(execution.isAlive()).isFalse();
        assertThat(execution.waitFor(PATIENCE)).as("exit code after the kill").isPresent();
    }

    @Test
    void terminateAfterExitIsANoOp() throws Exception {
        Execution execution = start(new RecordingSink(), "exit 3");
        assertThat(execution.waitFor(PATIENCE)).contains(3);

        execution.terminate(GRACE);
        execution.terminate(GRACE);

        assertThat(execution.isAlive()).isFalse();
        assertThat(execution.waitFor(PATIENCE)).as("the exit code is unchanged").contains(3);
    }

    @Test
    void waitForTimesOutWhileRunning() throws Exception {
        Execution execution = start(new RecordingSink(), "sleep 30");

        assertThat(execution.waitFor(Duration.ofMillis(200))).isEmpty();
        assertThat(execution.isAlive()).isTrue();
    }

    @Test
    void handleIdentifiesTheExecution() {
        Execution first = start(new RecordingSink(), "sleep 30");
        Execution second = start(new RecordingSink(), "sleep 30");

        assertThat(first.handle()).isNotEmpty().allSatisfy((key, value) -> assertThat(value).isNotBlank());
        assertThat(first.handle()).isNotEqualTo(second.handle());
    }

    @Test
    void missingProgramIsARunnerException() {
        ExecutionRequest request = request(List.of("logist-kit-no-such-program"), Map.of(), Optional.empty());

        assertThatThrownBy(() -> runner().start(request, new RecordingSink()))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("logist-kit-no-such-program");
    }

    @Test
    void lineWithoutTrailingNewlineIsDelivered() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "printf 'first\\nlast without newline'");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("first", "last without newline");
    }

    @Test
    void largeOutputIsNotLost() throws Exception {
        RecordingSink sink = new RecordingSink();

        Execution execution = start(sink, "i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); done");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT))
                .containsExactlyElementsOf(IntStream.range(0, 20000).mapToObj(i -> "line " + i).toList());
    }

    /** Starts {@code sh -c script} in the workspace with the base environment and no stdin. */
    protected Execution start(OutputSink sink, String script) {
        return start(sink, Map.of(), Optional.empty(), "sh", "-c", script);
    }

    /** Starts {@code command} with the base environment plus {@code extraEnvironment}. */
    protected Execution start(OutputSink sink, Map<String, String> extraEnvironment, Optional<String> stdin,
                              String... command) {
        Execution execution = runner().start(request(List.of(command), extraEnvironment, stdin), sink);
        started.add(execution);
        return execution;
    }

    /** A request for {@code command} in the workspace, with the base environment plus {@code extraEnvironment}. */
    protected ExecutionRequest request(List<String> command, Map<String, String> extraEnvironment,
                                       Optional<String> stdin) {
        Map<String, String> environment = new HashMap<>(baseEnvironment());
        environment.putAll(extraEnvironment);
        return new ExecutionRequest(JobId.of("contract-kit"), 1, command, environment, workspace, stepDirectory,
                stdin, options());
    }

    /** Polls {@code condition} until it holds; fails after {@link #PATIENCE}. */
    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("gave up after " + PATIENCE + " waiting for " + what);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    /** Keeps every line it receives; safe to read while the runner's threads write. */
    protected static final class RecordingSink implements OutputSink {
        private final List<Map.Entry<OutputChannel, String>> lines = new ArrayList<>();

        @Override
        public synchronized void line(OutputChannel channel, String line) {
            lines.add(Map.entry(channel, line));
        }

        /** The lines of {@code channel} received so far, in order. */
        public synchronized List<String> lines(OutputChannel channel) {
            return lines.stream().filter(entry -> entry.getKey() == channel).map(Map.Entry::getValue)
                    .collect(Collectors.toList());
        }
    }
}
