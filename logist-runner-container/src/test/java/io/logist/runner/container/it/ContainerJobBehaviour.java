package io.logist.runner.container.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.logist.Cleanup;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobSpec;
import io.logist.JobStatus;
import io.logist.Logist;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobEvent;
import io.logist.event.StepInterrupted;
import io.logist.event.UsageReported;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.Observer;
import io.logist.spi.Runner;
import io.logist.spi.RunnerProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole jobs through the library with the mock agent, its script run by busybox sh in containers of the test
 * image: the result matches the host runner's, and stopping a step leaves no container behind.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ContainerJobBehaviour {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    protected Path home;
    @TempDir
    protected Path repo;

    private EngineUnderTest engine;

    /** The provider of the runner under test. */
    protected abstract RunnerProvider provider();

    @BeforeEach
    void requireEngineAndRepository() throws Exception {
        engine = EngineUnderTest.require(provider());
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README.md"), "hello\n");
        git("add", "README.md");
        git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
    }

    @Test
    void aWorkerSupervisorJobSucceedsWithTheSameCommitsAsOnTheHost() throws Exception {
        try (Logist logist = logist()) {
            JobId onHost = logist.create(job("Add a greeting").runner("host")
                    .set("agents.mock.scenario", "revise-once").build());
            JobId inContainers = logist.create(inContainers(job("Add a greeting"))
                    .set("agents.mock.scenario", "revise-once").build());
            logist.activate(onHost);
            logist.activate(inContainers);

            assertThat(logist.run(onHost, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
            assertThat(logist.run(inContainers, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);

            JobInfo job = logist.status(inContainers);
            assertThat(job.steps()).hasSize(4).allSatisfy(step -> {
                assertThat(step.runner()).isEqualTo(engine.id());
                assertThat(step.execution()).containsEntry("engine", engine.id()).containsKey("containerId");
            });
            assertThat(trees(job)).as("the trees of the job's commits, compared with the host's")
                    .hasSize(4).isEqualTo(trees(logist.status(onHost)));
            assertThat(Files.readString(job.workspace().resolve("mock-work.txt")))
                    .isEqualTo("worker step 1\nworker step 3\nrevised\n");
        }
        assertThat(engine.containers("label=logist.home=" + home)).as("containers left by the job").isEmpty();
    }

    @Test
    void aSilentStepIsKilledByTheIdleTimeoutAndLeavesNoContainer() {
        try (Logist logist = logist()) {
            JobId id = logist.create(inContainers(job("Hang")).set("agents.mock.scenario", "hang")
                    .set("limits.idleTimeout", "2s").set("sentinel.retries", "0").build());
            logist.activate(id);

            JobResult result = logist.run(id, Observer.NOOP);

            assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
            StepInfo step = logist.status(id).steps().get(0);
            assertThat(step.outcome()).contains(StepOutcome.KILLED);
            assertThat(step.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("idle"));
            assertThat(engine.containers("label=logist.job=" + id)).as("containers of the job").isEmpty();
        }
    }

    @Test
    void cancelingARunningJobStopsItsContainerAndLeavesNone() throws Exception {
        try (Logist logist = logist()) {
            SlowJob slow = slowJobInItsContainer(logist);
            JobId id = slow.id();

            assertThat(logist.cancel(id).status()).isEqualTo(JobStatus.CANCELED);

            assertThat(slow.running().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status())
                    .isEqualTo(JobStatus.CANCELED);
            assertThat(engine.containers("label=logist.job=" + id)).as("containers of the job").isEmpty();
        }
    }

    @Test
    void theOrphanSweepRemovesTheContainersOfJobsThatNoLongerExistAndKeepsThoseOfRunningJobs(@TempDir Path gone)
            throws Exception {
        // A step of a job whose record is gone, started by a Logist process that died: its container runs on.
        try (Runner forgotten = engine.runner(home)) {
            forgotten.start(new ExecutionRequest(JobId.of("gone-1234"), 1, List.of("sleep", "120"),
                    Map.of("PATH", "/bin"), gone, Files.createDirectories(gone.resolve(".step")), Optional.of(""),
                    Map.of("image", EngineUnderTest.IMAGE)), (channel, line) -> { });
        }
        try (Logist logist = logist()) {
            SlowJob slow = slowJobInItsContainer(logist);
            JobId id = slow.id();

            assertThat(logist.clean(new Cleanup.Orphans())).singleElement().asString()
                    .startsWith("removed " + engine.id() + " container logist-gone-1234-1-")
                    .endsWith(" of job gone-1234: the job no longer exists");

            assertThat(engine.containers("label=logist.job=gone-1234")).as("containers of the gone job").isEmpty();
            assertThat(engine.containers("label=logist.job=" + id, "status=running"))
                    .as("the running job's container").hasSize(1);
            logist.cancel(id);
            assertThat(slow.running().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status())
                    .isEqualTo(JobStatus.CANCELED);
        }
    }

    @Test
    void recoveryAfterTheOrchestratorWasKilledReattachesToTheSameContainer() throws Exception {
        JobId id;
        try (Logist logist = logist()) {
            id = logist.create(inContainers(job("Slow")).set("agents.mock.scenario", "slow")
                    .set("agents.mock.seconds", "6").build());
            logist.activate(id);
            Process orchestrator = OrchestratorProcess.start(home, userConfig(), id);
            await("the agent to report in its container", () -> events(logist, id, UsageReported.class).size() > 0);
            Map<String, String> started = events(logist, id, ExecutionStarted.class).get(0).execution();

            orchestrator.destroyForcibly();
            assertThat(orchestrator.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

            assertThat(engine.containers("id=" + started.get("containerId"), "status=running"))
                    .as("the step's container outlives the orchestrator").hasSize(1);
            assertThat(logist.status(id).status()).isEqualTo(JobStatus.RUNNING);
            assertThat(logist.recover(Optional.of(id))).extracting(JobInfo::status).containsExactly(JobStatus.PENDING);
            assertThat(events(logist, id, ExecutionReattached.class)).extracting(ExecutionReattached::execution)
                    .containsExactly(started);
            assertThat(events(logist, id, StepInterrupted.class)).isEmpty();
            StepInfo step = logist.status(id).steps().get(0);
            assertThat(step.outcome()).contains(StepOutcome.COMPLETED);
            assertThat(step.exitCode()).contains(0);
            assertThat(engine.containers("label=logist.job=" + id)).as("containers after recovery").isEmpty();

            assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
            assertThat(logist.status(id).steps()).hasSize(2);
        }
        assertThat(engine.containers("label=logist.job=" + id)).as("containers of the job").isEmpty();
    }

    /** A job whose one step runs for two minutes, running, with its container started. */
    private SlowJob slowJobInItsContainer(Logist logist) throws InterruptedException {
        JobId id = logist.create(inContainers(job("Slow")).set("agents.mock.scenario", "slow")
                .set("agents.mock.seconds", "120").build());
        logist.activate(id);
        CompletableFuture<JobResult> running = logist.runAsync(id, Observer.NOOP);
        await("the step's container to run",
                () -> !engine.containers("label=logist.job=" + id, "status=running").isEmpty());
        return new SlowJob(id, running);
    }

    private record SlowJob(JobId id, CompletableFuture<JobResult> running) {
    }

    private static <T extends JobEvent> List<T> events(Logist logist, JobId id, Class<T> type) {
        return logist.events(id).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private Logist logist() {
        return Logist.builder().home(home).userConfig(userConfig()).build();
    }

    /** No user configuration: the machine's own logist.yml must not change the tests. */
    private Path userConfig() {
        return home.resolve("no-user-config.yml");
    }

    private JobSpec.Builder job(String prompt) {
        return JobSpec.builder().prompt(prompt).repo(repo).agent("mock");
    }

    private JobSpec.Builder inContainers(JobSpec.Builder job) {
        return job.runner(engine.id()).set("runners." + engine.id() + ".image", EngineUnderTest.IMAGE);
    }

    /** The tree of every commit of the job's branch after its base, oldest first. */
    private List<String> trees(JobInfo job) throws Exception {
        List<String> trees = new ArrayList<>();
        for (String commit : git("rev-list", "--reverse", job.baseCommit() + ".." + job.branch()).split("\n")) {
            trees.add(git("rev-parse", commit + "^{tree}"));
        }
        return trees;
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
        return output.strip();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after " + PATIENCE + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
