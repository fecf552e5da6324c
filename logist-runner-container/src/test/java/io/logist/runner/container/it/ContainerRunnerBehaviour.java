package io.logist.runner.container.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import io.logist.spi.Runner;
import io.logist.spi.RunnerProvider;
import java.io.IOException;
import java.nio.file.FileSystemException;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a container runner does beyond the runner contract, against a real engine: who the command runs as,
 * re-attaching after the starting process is gone, the runner's options, and leaving no container behind.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ContainerRunnerBehaviour {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    protected Path home;
    @TempDir
    protected Path workspace;
    @TempDir
    protected Path stepDirectory;

    private EngineUnderTest engine;
    private final List<Execution> started = new ArrayList<>();

    /** The provider of the runner under test. */
    protected abstract RunnerProvider provider();

    @BeforeEach
    void requireEngine() {
        engine = EngineUnderTest.require(provider());
    }

    @AfterEach
    void removeWhatTheTestStarted() {
        started.forEach(execution -> execution.terminate(Duration.ZERO));
        assertThat(containersOfThisTest()).as("containers left by the test").isEmpty();
    }

    @Test
    void filesTheContainerCreatesBelongToTheOwnerOfTheWorkspace() throws Exception {
        chown(workspace, 1234);

        Execution execution = start(new Sink(), Map.of(), "touch made-in-container && mkdir made-dir");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        for (Path made : List.of(workspace.resolve("made-in-container"), workspace.resolve("made-dir"))) {
            assertThat(Files.getAttribute(made, "unix:uid")).as("owner of %s", made).isEqualTo(1234);
            assertThat(Files.getAttribute(made, "unix:gid")).as("group of %s", made).isEqualTo(1234);
        }
    }

    @Test
    void theUserOptionChoosesWhoTheCommandRunsAs() throws Exception {
        chown(workspace, 4321);

        Execution execution = start(new Sink(), Map.of("user", "4321:4321"), "touch mine");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(Files.getAttribute(workspace.resolve("mine"), "unix:uid")).isEqualTo(4321);
    }

    @Test
    void reattachFollowsARunningContainerFromItsFirstLineToItsExitCode() throws Exception {
        Sink first = new Sink();
        Runner starting = runner();
        Execution execution = start(starting, first, Map.of(),
                "echo before; while [ ! -e go ]; do sleep 0.05; done; echo after >&2; echo after; exit 5");
        await("the first line", () -> first.lines(OutputChannel.STDOUT).contains("before"));
        Map<String, String> handle = execution.handle();

        starting.close();
        assertThat(engine.containers("id=" + handle.get("containerId"), "status=running"))
                .as("the container keeps running when the runner that started it is closed").hasSize(1);
        Sink second = new Sink();
        Optional<Execution> again = runner().reattach(handle, second);

        assertThat(again).isPresent();
        started.add(again.get());
        assertThat(again.get().handle()).isEqualTo(handle);
        assertThat(again.get().isAlive()).isTrue();
        Files.createFile(workspace.resolve("go"));
        assertThat(again.get().waitFor(PATIENCE)).contains(5);
        assertThat(second.lines(OutputChannel.STDOUT)).containsExactly("before", "after");
        assertThat(second.lines(OutputChannel.STDERR)).containsExactly("after");
        assertThat(containersOfThisTest()).as("removed once it ended").isEmpty();
    }

    @Test
    void reattachToAContainerThatAlreadyEndedFindsNothingAndRemovesIt() throws Exception {
        Sink sink = new Sink();
        Runner starting = runner();
        Execution execution = start(starting, sink, Map.of(), "echo up; while [ ! -e go ]; do sleep 0.05; done");
        await("the container to run", () -> sink.lines(OutputChannel.STDOUT).contains("up"));
        starting.close();
        Files.createFile(workspace.resolve("go"));
        String id = execution.handle().get("containerId");
        await("the container to exit", () -> !engine.containers("id=" + id, "status=exited").isEmpty());

        Optional<Execution> again = runner().reattach(execution.handle(), new Sink());

        assertThat(again).isEmpty();
        assertThat(containersOfThisTest()).isEmpty();
    }

    @Test
    void reattachWithAHandleOfAnotherRunnerFindsNothing() {
        Execution execution = start(new Sink(), Map.of(), "sleep 30");
        Map<String, String> otherEngine = new HashMap<>(execution.handle());
        otherEngine.put("engine", "not-" + engine.id());

        assertThat(runner().reattach(Map.of("pid", "1", "startTime", "5", "host", "h"), new Sink())).isEmpty();
        assertThat(runner().reattach(otherEngine, new Sink())).isEmpty();
        assertThat(execution.isAlive()).as("the container of the other handle is left alone").isTrue();
    }

    @Test
    void aMissingImageIsNamedWithHowToLoadIt() {
        ExecutionRequest request = request(Map.of(), Map.of("image", "logist-test/no-such-image:1"), "true");

        assertThatThrownBy(() -> runner().start(request, new Sink()))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("'logist-test/no-such-image:1'")
                .hasMessageContaining(engine.id() + " load");
        assertThat(containersOfThisTest()).isEmpty();
    }

    @Test
    void theContainerIsRemovedWhenTheCommandSucceedsOrFails() throws Exception {
        for (String script : List.of("echo fine", "echo broken >&2; exit 3")) {
            Execution execution = start(new Sink(), Map.of(), script);

            assertThat(execution.waitFor(PATIENCE)).isPresent();
            assertThat(containersOfThisTest()).as("containers after '%s'", script).isEmpty();
        }
    }

    @Test
    void valuesOverSeveralLinesReachTheContainerAndNoEnvironmentFileStays() throws Exception {
        Sink sink = new Sink();
        Map<String, String> environment = Map.of("KEY", "-----BEGIN-----\nabc\n-----END-----", "PLAIN", "a b=c ");

        Execution execution = start(runner(), sink, environment, Map.of(), "echo \"$KEY\"; echo \"[$PLAIN]\"");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT))
                .containsExactly("-----BEGIN-----", "abc", "-----END-----", "[a b=c ]");
        try (Stream<Path> files = Files.list(stepDirectory)) {
            assertThat(files).as("files in the step directory").isEmpty();
        }
    }

    @Test
    void theContainerHasNoNetworkUnlessOneIsConfigured() throws Exception {
        assertThat(interfaces(Map.of())).containsExactly("lo");
        assertThat(interfaces(Map.of("network", "host"))).contains("lo").hasSizeGreaterThan(1);
    }

    @Test
    void extraMountsAndResourceLimitsApply(@TempDir Path extra) throws Exception {
        Files.writeString(extra.resolve("greeting"), "hello\n");
        Sink sink = new Sink();

        Execution execution = start(sink, Map.of("mounts", List.of(extra + ":/extra:ro"), "cpus", "0.5",
                "memory", "64m"), "cat /extra/greeting; touch /extra/new 2>/dev/null || echo read-only;"
                + " cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes");

        assertThat(execution.waitFor(PATIENCE)).contains(0);
        assertThat(sink.lines(OutputChannel.STDOUT)).containsExactly("hello", "read-only", "67108864");
    }

    private List<String> interfaces(Map<String, Object> options) throws Exception {
        Sink sink = new Sink();
        Execution execution = start(sink, options, "cat /proc/net/dev");
        assertThat(execution.waitFor(PATIENCE)).contains(0);
        return sink.lines(OutputChannel.STDOUT).stream().filter(line -> line.contains(":"))
                .map(line -> line.substring(0, line.indexOf(':')).strip()).toList();
    }

    /** A new runner whose containers carry this test's home as their label. */
    private Runner runner() {
        return engine.runner(home);
    }

    private Execution start(OutputSink sink, Map<String, Object> options, String script) {
        return start(runner(), sink, Map.of(), options, script);
    }

    private Execution start(Runner runner, OutputSink sink, Map<String, Object> options, String script) {
        return start(runner, sink, Map.of(), options, script);
    }

    private Execution start(Runner runner, OutputSink sink, Map<String, String> environment,
                            Map<String, Object> options, String script) {
        Map<String, Object> withImage = new HashMap<>(options);
        withImage.put("image", EngineUnderTest.IMAGE);
        Execution execution = runner.start(request(environment, withImage, script), sink);
        started.add(execution);
        return execution;
    }

    private ExecutionRequest request(Map<String, String> environment, Map<String, Object> options, String script) {
        Map<String, String> withPath = new HashMap<>(environment);
        withPath.put("PATH", "/bin");
        return new ExecutionRequest(JobId.of("behaviour"), 1, List.of("sh", "-c", script), withPath, workspace,
                stepDirectory, Optional.of(""), options);
    }

    private List<String> containersOfThisTest() {
        return engine.containers("label=logist.home=" + home);
    }

    /** Gives the directory to {@code uid}; needs root, so the test is skipped with a message otherwise. */
    private static void chown(Path directory, int uid) throws IOException {
        try {
            Files.setAttribute(directory, "unix:uid", uid);
            Files.setAttribute(directory, "unix:gid", uid);
        } catch (FileSystemException e) {
            String message = "giving the workspace to uid " + uid + " needs root: " + e.getMessage();
            System.err.println("SKIPPED " + message);
            Assumptions.abort(message);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after " + PATIENCE + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Keeps every line; safe to read while the runner's threads write. */
    private static final class Sink implements OutputSink {
        private final List<Map.Entry<OutputChannel, String>> lines = new ArrayList<>();

        @Override
        public synchronized void line(OutputChannel channel, String line) {
            lines.add(Map.entry(channel, line));
        }

        synchronized List<String> lines(OutputChannel channel) {
            return lines.stream().filter(entry -> entry.getKey() == channel).map(Map.Entry::getValue)
                    .collect(Collectors.toList());
        }
    }
}
