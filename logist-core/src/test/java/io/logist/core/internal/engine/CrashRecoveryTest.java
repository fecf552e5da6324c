package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Cleanup;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.Limits;
import io.logist.Logist;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.Usage;
import io.logist.core.internal.runner.HostRunnerProvider;
import io.logist.core.internal.store.FileJobStore;
import io.logist.event.ExecutionReattached;
import io.logist.event.JobEvent;
import io.logist.event.PhaseChanged;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepInterrupted;
import io.logist.event.StepStarted;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.JobLock;
import io.logist.spi.Observer;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Crash recovery, the manifest rebuild, attach and the orphan sweep, with real git, the real host runner and
 * the scripted test agent. A crash is staged by writing the manifest and events a killed process leaves at
 * that point; the fault-injection IT of the CLI kills real processes.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashRecoveryTest extends EngineTestCase {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String WORKER = "echo work >> a.txt; " + verdict("COMPLETED", "wrote a.txt");
    private static final String APPROVE = verdict("COMPLETED", "fine");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<Execution> strays = new ArrayList<>();
    private Path repo;
    private Path home;
    private FileJobStore store;

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        repo = fixture.repo;
        home = fixture.home;
        store = new FileJobStore(home);
    }

    @AfterEach
    void stopStrays() {
        strays.forEach(execution -> execution.terminate(Duration.ZERO));
    }

    /** A job whose worker step is done and whose supervisor step was cut short in {@code phase}. */
    private JobInfo crashedInTheSupervisorStep(JobId id, StepPhase phase, Map<String, String> execution) {
        assertThat(logist.step(id, Observer.NOOP).status()).isEqualTo(JobStatus.PENDING);
        JobJournal journal = new JobJournal(store, id, List.of(), clock);
        JobInfo pending = store.load(id).orElseThrow();
        JobInfo running = journal.save(pending.withStatus(JobStatus.RUNNING, Optional.empty(), NOW));
        journal.emit((seq, ts) -> new StateChanged(seq, ts, JobStatus.PENDING, JobStatus.RUNNING, "run",
                Optional.empty()));
        StepInfo step = StepInfo.started(2, "supervisor", "script", "host", false, NOW,
                Path.of("logs", "2-supervisor.log")).withPhase(phase).withExecution(execution);
        JobInfo crashed = journal.save(running.withStep(step, NOW));
        journal.emit((seq, ts) -> new StepStarted(seq, ts, 2, "supervisor", "script", "host", false));
        return crashed;
    }

    @Test
    void aStepWhoseAgentNeverStartedIsInterruptedAndRetriedFromTheCheckpointBeforeIt() throws Exception {
        JobId id = fixture.job(WORKER, APPROVE);
        JobInfo crashed = crashedInTheSupervisorStep(id, StepPhase.PROVISIONING, Map.of());
        Files.writeString(crashed.workspace().resolve("half-done.txt"), "left by the dead step\n");
        String workerCommit = crashed.steps().get(0).commit().orElseThrow();

        List<JobInfo> recovered = logist.recover(Optional.empty());

        assertThat(recovered).extracting(JobInfo::id).containsExactly(id);
        JobInfo job = logist.status(id);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        StepInfo interrupted = job.steps().get(1);
        assertThat(interrupted.outcome()).contains(StepOutcome.INTERRUPTED);
        assertThat(interrupted.phase()).isEqualTo(StepPhase.DONE);
        assertThat(interrupted.reason()).hasValueSatisfying(r -> assertThat(r).contains("before the agent started"));
        assertThat(git(job.workspace(), "rev-parse", interrupted.commit().orElseThrow() + "^{tree}"))
                .as("the interrupted step's checkpoint holds what the step started from")
                .isEqualTo(git(job.workspace(), "rev-parse", workerCommit + "^{tree}"));
        assertThat(job.workspace().resolve("half-done.txt")).doesNotExist();
        assertThat(git(repo, "rev-parse", job.branch())).isEqualTo(interrupted.commit().orElseThrow());
        assertThat(logist.events(id)).filteredOn(StepInterrupted.class::isInstance).hasSize(1);

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).steps()).extracting(s -> s.role() + " " + s.outcome().orElseThrow())
                .containsExactly("worker COMPLETED", "supervisor INTERRUPTED", "supervisor COMPLETED");
        assertOneCommitPerStep(id);
    }

    @Test
    void aCheckpointCommittedButNotRecordedIsAdoptedInsteadOfCommittingAgain() throws Exception {
        JobId id = fixture.job(WORKER, APPROVE);
        // The agent ended and its verdict was read: following its execution again would commit a second time.
        Execution ended = deadProcessRunner().start(new ExecutionRequest(id, 2, List.of("sh", "-c",
                verdict("COMPLETED", "fine")), Map.of("PATH", System.getenv("PATH")), dir,
                Files.createDirectories(dir.resolve("step")), Optional.of(""), Map.of()), (channel, line) -> { });
        assertThat(ended.waitFor(Duration.ofSeconds(10))).contains(0);
        JobInfo crashed = crashedInTheSupervisorStep(id, StepPhase.EXECUTING, ended.handle());
        Files.writeString(crashed.workspace().resolve("review.txt"), "reviewed\n");
        git(crashed.workspace(), "add", "--all");
        git(crashed.workspace(), "-c", "user.name=Logist", "-c", "user.email=logist@localhost", "commit", "--quiet",
                "-m", "logist " + id + " step 2 (supervisor): COMPLETED\n\nfine");
        String unrecorded = git(crashed.workspace(), "rev-parse", "HEAD");
        assertThat(git(repo, "rev-parse", crashed.branch())).as("not published yet").isNotEqualTo(unrecorded);

        logist.recover(Optional.of(id));

        JobInfo job = logist.status(id);
        assertThat(job.steps().get(1).commit()).contains(unrecorded);
        assertThat(job.steps().get(1).outcome()).contains(StepOutcome.INTERRUPTED);
        assertThat(job.steps().get(1).reason()).hasValueSatisfying(r -> assertThat(r).contains("before recording"));
        assertThat(logist.events(id)).noneMatch(ExecutionReattached.class::isInstance);
        assertThat(git(repo, "rev-parse", job.branch())).as("published now").isEqualTo(unrecorded);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertOneCommitPerStep(id);
    }

    @Test
    void aStepWhoseAgentStillRunsIsReattachedAndEndsUnderTheSameNumber() throws Exception {
        String supervisor = "echo reviewing; sleep 1; " + verdict("COMPLETED", "fine after a crash");
        JobId id = fixture.job("echo work >> a.txt; " + verdict("COMPLETED", "wrote a.txt"), supervisor);
        assertThat(logist.step(id, Observer.NOOP).status()).isEqualTo(JobStatus.PENDING);
        Path stepDir = Files.createDirectories(home.resolve("jobs/" + id + "/steps/2"));
        Files.writeString(stepDir.resolve("prompt.md"), "Review it.");
        Execution orphan = deadProcessRunner().start(new ExecutionRequest(id, 2, List.of("sh", "-c", supervisor),
                Map.of("PATH", System.getenv("PATH")), store.load(id).orElseThrow().workspace(), stepDir,
                Optional.of(""), Map.of()), (channel, line) -> { });
        strays.add(orphan);
        // The manifest of step 1 is back to PENDING; stage the crash on top of it.
        JobJournal journal = new JobJournal(store, id, List.of(), clock);
        JobInfo running = journal.save(store.load(id).orElseThrow().withStatus(JobStatus.RUNNING, Optional.empty(),
                NOW));
        journal.emit((seq, ts) -> new StateChanged(seq, ts, JobStatus.PENDING, JobStatus.RUNNING, "run",
                Optional.empty()));
        journal.save(running.withStep(StepInfo.started(2, "supervisor", "script", "host", false, NOW,
                Path.of("logs", "2-supervisor.log")).withPhase(StepPhase.EXECUTING).withExecution(orphan.handle()),
                NOW));
        journal.emit((seq, ts) -> new StepStarted(seq, ts, 2, "supervisor", "script", "host", false));

        logist.recover(Optional.of(id));

        JobInfo job = logist.status(id);
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        StepInfo step = job.steps().get(1);
        assertThat(step.outcome()).contains(StepOutcome.COMPLETED);
        assertThat(step.summary()).contains("fine after a crash");
        assertThat(step.exitCode()).contains(0);
        List<JobEvent> events = logist.events(id);
        assertThat(events).filteredOn(ExecutionReattached.class::isInstance)
                .singleElement().extracting(e -> ((ExecutionReattached) e).execution()).isEqualTo(orphan.handle());
        assertThat(events).filteredOn(PhaseChanged.class::isInstance).extracting(e -> ((PhaseChanged) e).phase())
                .containsSubsequence(StepPhase.RECOVERING, StepPhase.EXECUTING, StepPhase.HARVESTING, StepPhase.DONE);
        assertThat(store.readLog(id, "logs/2-supervisor.log")).contains("reviewing");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).steps()).hasSize(2);
        assertOneCommitPerStep(id);
    }

    @Test
    void aStepWhoseExecutionIsGoneIsInterruptedAndWhatItLeftRunningIsKilled() throws Exception {
        JobId id = fixture.job("echo work >> a.txt; " + verdict("COMPLETED", "wrote a.txt"), "sleep 60");
        Execution orphan = deadProcessRunner().start(new ExecutionRequest(id, 2, List.of("sleep", "60"),
                Map.of("PATH", System.getenv("PATH")), dir, Files.createDirectories(dir.resolve("step")),
                Optional.empty(), Map.of()), (channel, line) -> { });
        strays.add(orphan);
        Map<String, String> reused = new HashMap<>(orphan.handle());
        reused.put("startTime", "1");
        crashedInTheSupervisorStep(id, StepPhase.EXECUTING, reused);

        logist.recover(Optional.of(id));

        assertThat(logist.status(id).steps().get(1).outcome()).contains(StepOutcome.INTERRUPTED);
        assertThat(logist.status(id).steps().get(1).reason())
                .hasValueSatisfying(r -> assertThat(r).contains("execution is gone"));
        assertThat(orphan.waitFor(Duration.ofSeconds(10))).as("killed by recovery").isPresent();
    }

    @Test
    void interruptionsBeyondTheRetriesNeedIntervention() {
        JobId id = fixture.job(WORKER, APPROVE,
                "sentinel.retries", "0");
        crashedInTheSupervisorStep(id, StepPhase.PROVISIONING, Map.of());

        logist.recover(Optional.of(id));

        JobInfo job = logist.status(id);
        assertThat(job.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(job.reason()).hasValueSatisfying(r -> assertThat(r).contains("interrupted 1 times in a row")
                .contains("sentinel.retries (0)"));
    }

    @Test
    void interruptionsInARowCountOnlyTheLastRolesTrailingInterruptions() {
        JobSettings settings = TestJobs.settings(JobSettings.Workflow.WORKER_SUPERVISOR, false, Limits.DEFAULTS);
        JobInfo job = TestJobs.withStep(TestJobs.job(settings), "worker", StepOutcome.INTERRUPTED, "died");
        job = TestJobs.withStep(job, "worker", StepOutcome.COMPLETED, "done");
        assertThat(CrashRecovery.interruptionsInARow(job)).isZero();
        job = TestJobs.withStep(job, "supervisor", StepOutcome.INTERRUPTED, "died");
        job = TestJobs.withStep(job, "supervisor", StepOutcome.INTERRUPTED, "died again");
        assertThat(CrashRecovery.interruptionsInARow(job)).isEqualTo(2);
        assertThat(CrashRecovery.interruptionsInARow(TestJobs.withStep(job, "worker", StepOutcome.INTERRUPTED,
                "died", false, Usage.NONE))).isEqualTo(1);
    }

    @Test
    void runOfAJobLeftRunningRecoversItFirst() {
        JobId id = fixture.job(WORKER, APPROVE);
        crashedInTheSupervisorStep(id, StepPhase.EXECUTING, Map.of());

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);

        assertThat(logist.events(id)).filteredOn(StateChanged.class::isInstance)
                .extracting(e -> ((StateChanged) e).to() + " " + ((StateChanged) e).action())
                .containsSubsequence("RUNNING run", "PENDING recover", "RUNNING run", "SUCCESS finish a step");
    }

    @Test
    void aJobOwnedByALiveProcessIsLeftAlone() {
        JobId id = fixture.job(WORKER, APPROVE);
        crashedInTheSupervisorStep(id, StepPhase.EXECUTING, Map.of());

        try (JobLock owner = store.lock(id, "run")) {
            assertThat(logist.recover(Optional.empty())).isEmpty();
            assertThat(logist.recover(Optional.of(id))).isEmpty();
        }
        assertThat(logist.status(id).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(logist.recover(Optional.empty())).extracting(JobInfo::id).containsExactly(id);
    }

    @Test
    void recoverOnStartRecoversEveryJobWhoseOwnerDied() {
        JobId id = fixture.job(WORKER, APPROVE);
        crashedInTheSupervisorStep(id, StepPhase.EXECUTING, Map.of());

        try (Logist restarted = Logist.builder().home(home).discovery(false).register(new ScriptAgentProvider())
                .userConfig(dir.resolve("no-user-config.yml"))
                .environment(Map.of("PATH", System.getenv("PATH"))).clock(clock).recoverOnStart(true).build()) {
            assertThat(restarted.status(id).status()).isEqualTo(JobStatus.PENDING);
        }
    }

    @Test
    void aGarbledManifestIsRebuiltFromTheEventsEqualToTheLastGoodOne() throws Exception {
        JobId id = fixture.job("echo work >> a.txt; " + verdict("COMPLETED", "wrote a.txt"),
                "if [ ! -e reviewed ]; then touch reviewed; " + verdict("RETRY", "once more") + "; else "
                        + verdict("COMPLETED", "fine") + "; fi");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        JobInfo lastGood = logist.status(id);
        Path manifest = home.resolve("jobs/" + id + "/job.json");
        Files.write(manifest, new byte[] {'{', '"', 'i', 0, (byte) 0xff, '\n'});

        assertThat(logist.status(id)).isEqualTo(lastGood);
        assertThat(new FileJobStore(home).load(id)).as("written back").contains(lastGood);
        assertThat(Files.readString(manifest)).startsWith("{");
    }

    @Test
    void eventsACrashKeptFromBeingWrittenAfterTheManifestAreWritten() throws Exception {
        JobId id = fixture.job(WORKER, APPROVE);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        Path events = home.resolve("jobs/" + id + "/events.jsonl");
        List<String> lines = Files.readAllLines(events);
        // Cut the last step's finish and the final state change, as a kill right after saving the manifest would.
        int finish = lines.size() - 2;
        assertThat(lines.get(finish)).contains("\"step.finished\"");
        Files.write(events, lines.subList(0, finish));
        JobInfo before = logist.status(id);

        logist.recover(Optional.of(id));

        List<JobEvent> after = logist.events(id);
        assertThat(after).filteredOn(StepFinished.class::isInstance).hasSize(2);
        assertThat(after.get(after.size() - 1)).isInstanceOfSatisfying(StateChanged.class,
                changed -> assertThat(changed.to()).isEqualTo(JobStatus.SUCCESS));
        Files.writeString(home.resolve("jobs/" + id + "/job.json"), "garbage");
        JobInfo rebuilt = logist.status(id);
        assertThat(rebuilt.status()).isEqualTo(before.status());
        assertThat(rebuilt.steps()).isEqualTo(before.steps());
    }

    @Test
    void attachFollowsARunOfAnotherThreadUntilItRests() throws Exception {
        JobId id = fixture.job("for i in 1 2 3; do echo working $i; sleep 0.2; done; " + verdict("COMPLETED", "wrote"),
                verdict("COMPLETED", "fine"));
        CompletableFuture<JobResult> run = logist.runAsync(id, Observer.NOOP);
        while (logist.status(id).status() != JobStatus.RUNNING) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        JobResult attached = logist.attach(id, new Observer() {
            @Override
            public void onEvent(JobId job, JobEvent event) {
                seen.add(event.type());
            }

            @Override
            public void onOutput(JobId job, int step, OutputChannel channel, String line) {
                seen.add(step + ": " + line);
            }
        });

        assertThat(attached.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(run.get(30, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(seen).startsWith("job.created").contains("1: working 1", "1: working 3", "2: Done.")
                .containsSubsequence("step.started", "step.finished", "step.started", "step.finished", "job.state")
                .doesNotContain("1: # logist");
    }

    @Test
    void theOrphanSweepRemovesDirectoriesAndProcessesOfJobsThatDoNotExist() throws Exception {
        JobId kept = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "fine"));
        Path orphan = Files.createDirectories(home.resolve("jobs/gone-1234/workspace/src"));
        Files.writeString(orphan.resolve("Main.java"), "class Main {}");
        Path old = home.resolve("jobs/gone-1234");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofHours(1))));
        Path young = Files.createDirectories(home.resolve("jobs/being-created"));
        Files.setLastModifiedTime(young, FileTime.from(NOW));
        Path foreign = Files.createDirectories(home.resolve("jobs/Not A Job"));
        Files.setLastModifiedTime(foreign, FileTime.from(NOW.minus(Duration.ofHours(1))));
        Execution leftover = deadProcessRunner().start(new ExecutionRequest(JobId.of("gone-1234"), 1,
                List.of("sleep", "60"), Map.of("PATH", System.getenv("PATH")), dir,
                Files.createDirectories(dir.resolve("step")), Optional.empty(), Map.of()), (channel, line) -> { });
        strays.add(leftover);

        List<String> cleaned = logist.clean(new Cleanup.Orphans());

        assertThat(cleaned).anySatisfy(line -> assertThat(line).startsWith("killed process "
                + leftover.handle().get("pid")).contains("gone-1234").contains("no longer exists"));
        assertThat(cleaned).anySatisfy(line -> assertThat(line).startsWith("removed " + old));
        assertThat(cleaned).as("the wrapper, its sleep and the directory").hasSize(3);
        assertThat(old).doesNotExist();
        assertThat(young).exists();
        assertThat(foreign).exists();
        assertThat(home.resolve("jobs/" + kept)).exists();
        assertThat(leftover.waitFor(Duration.ofSeconds(10))).isPresent();
        assertThat(logist.clean(new Cleanup.Orphans())).isEmpty();
    }

    @Test
    void theOrphanSweepAsksEveryRunnerThatWorksHereToRemoveWhatJobsThatRunNoStepLeft() {
        JobId finished = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "fine"));
        logist.run(finished, Observer.NOOP);
        JobId running = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "fine"));
        JobInfo job = store.load(running).orElseThrow();
        store.save(job.withStatus(JobStatus.RUNNING, Optional.empty(), job.updatedAt()));
        List<JobId> labelled = List.of(finished, running, JobId.of("gone-1234"));
        Map<JobId, Optional<String>> asked = new HashMap<>();
        RunnerProvider containers = new LeftoverRunner("containers", true, orphaned -> labelled.stream()
                .flatMap(id -> {
                    Optional<String> why = orphaned.apply(id);
                    asked.put(id, why);
                    return why.map(reason -> "removed container of job " + id + ": " + reason).stream();
                }).toList());
        RunnerProvider absent = new LeftoverRunner("absent", false, orphaned -> {
            throw new AssertionError("a runner that does not work here is not asked");
        });

        try (Logist sweeping = Logist.builder().home(home).discovery(false).register(new ScriptAgentProvider())
                .register(containers).register(absent).userConfig(dir.resolve("no-user-config.yml"))
                .environment(Map.of("PATH", System.getenv("PATH"))).clock(clock).build()) {
            assertThat(sweeping.clean(new Cleanup.Orphans())).containsExactly(
                    "removed container of job " + finished + ": the job is SUCCESS and runs no step",
                    "removed container of job gone-1234: the job no longer exists");
        }
        assertThat(asked).containsEntry(running, Optional.empty()).hasSize(3);
    }

    /** A runner whose executions outlive this process, as containers do; {@code probe} says whether it works. */
    private record LeftoverRunner(String id, boolean works, Function<Function<JobId, Optional<String>>,
            List<String>> leftovers) implements RunnerProvider {
        @Override
        public Probe probe() {
            return works ? Probe.available("here", "1.0") : Probe.unavailable("not installed");
        }

        @Override
        public Runner create(RunnerContext context) {
            return new Runner() {
                @Override
                public Execution start(ExecutionRequest request, OutputSink sink) {
                    throw new UnsupportedOperationException("only swept");
                }

                @Override
                public List<String> removeOrphans(Function<JobId, Optional<String>> orphaned) {
                    return leftovers.apply(orphaned);
                }
            };
        }
    }

    /** A runner of another Logist process on the same home, which "dies" by being forgotten. */
    private Runner deadProcessRunner() {
        return new HostRunnerProvider().create(new RunnerContext(home, Map.of("PATH", System.getenv("PATH")), clock));
    }

    /** Every step has one checkpoint, on the branch once, in order, and nothing else is on the branch. */
    private void assertOneCommitPerStep(JobId id) throws Exception {
        JobInfo job = logist.status(id);
        List<String> branch = List.of(git(repo, "rev-list", "--reverse", job.baseCommit() + ".." + job.branch())
                .split("\n"));
        assertThat(branch).containsExactlyElementsOf(job.steps().stream().map(s -> s.commit().orElseThrow())
                .toList());
    }
}
