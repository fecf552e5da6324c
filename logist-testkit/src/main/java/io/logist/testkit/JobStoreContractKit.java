package io.logist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.SentinelSettings;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.StoreException;
import io.logist.Usage;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.LimitWarning;
import io.logist.event.MessageGiven;
import io.logist.event.PhaseChanged;
import io.logist.event.SignalRaised;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepInterrupted;
import io.logist.event.StepStarted;
import io.logist.event.StepsSuperseded;
import io.logist.event.UsageReported;
import io.logist.event.VerdictRejected;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import io.logist.spi.OwnerRequest;
import io.logist.spi.StepLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promises every {@link JobStore} keeps and the engine relies on. Extend it, implement
 * {@link #createStore(Path)}, and run it with your tests:
 *
 * <pre>{@code
 * class JdbcJobStoreContractTest extends JobStoreContractKit {
 *     protected JobStore createStore(Path scratch) { return new JdbcJobStore(dataSource); }
 * }
 * }</pre>
 *
 * The sample values ({@link #sampleJob}, {@link #sampleEvents}) are public so that other tests can reuse them.
 */
public abstract class JobStoreContractKit {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    private JobStore store;

    /** A new, empty store; {@code scratch} is a fresh temporary directory it may use. */
    protected abstract JobStore createStore(Path scratch);

    /** The store under test. */
    protected final JobStore store() {
        return store;
    }

    @BeforeEach
    void createStoreInScratch(@TempDir Path scratch) {
        store = createStore(scratch);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /**
     * A job with every field set: two steps of run 2 (one finished with a known cost, one still executing
     * without), one step of run 1 in the history, a message, agent and runner options of every kind, paths and
     * an optional name.
     */
    public static JobInfo sampleJob(JobId id, Instant createdAt) {
        JobSettings settings = new JobSettings("host", JobSettings.Workflow.WORKER_SUPERVISOR,
                Map.of("worker", new RoleSettings("worker", "mock", "Do the work."),
                        "supervisor", new RoleSettings("supervisor", "mock", "Review the work.")),
                Limits.DEFAULTS, false, "logist/", List.of("ANTHROPIC_API_KEY"),
                Map.of("mock", Map.of("scenario", "success", "delaySteps", 2L, "verbose", true,
                        "extraArgs", List.of("--fast", "--quiet"), "env", Map.of("MOCK_MODE", "ci"))),
                Map.of("host", Map.of("timeout", "30m")),
                new SentinelSettings(4, Duration.ofSeconds(20), Duration.ofSeconds(3), 2, Duration.ofSeconds(7)),
                Map.of("rate-limit", List.of("slow down", "quota \\d+")), Optional.of("origin"));
        StepInfo worker = StepInfo.started(1, "worker", "mock", "host", false, createdAt.plusSeconds(5),
                        Path.of("logs", "1-worker.log"))
                .withPhase(StepPhase.EXECUTING)
                .withSessionId("session-1")
                .withExecution(Map.of("pid", "4242"))
                .withUsage(Usage.of(1200, 340, new BigDecimal("0.0420")))
                .withPhase(StepPhase.HARVESTING)
                .finished(StepOutcome.COMPLETED, Optional.of("verdict COMPLETED"), Optional.of(0),
                        Optional.of("Fixed the login check."), createdAt.plusSeconds(65))
                .withCommit("0123456789abcdef0123456789abcdef01234567")
                .withPhase(StepPhase.DONE);
        StepInfo supervisor = StepInfo.started(2, "supervisor", "mock", "host", false, createdAt.plusSeconds(70),
                        Path.of("logs", "2-supervisor.log"))
                .withPhase(StepPhase.EXECUTING)
                .withUsage(new Usage(800, 120, Optional.empty()));
        JobInfo created = new JobInfo(id, Optional.of("fix login"), JobStatus.RUNNING, Optional.empty(),
                "Fix the login check.\nKeep the tests green.", Path.of("/work/repos/app"), "HEAD",
                "fedcba9876543210fedcba9876543210fedcba98", "logist/" + id, Path.of("/work/home/jobs", id.value(),
                "workspace"), settings, createdAt, createdAt, Usage.NONE, List.of(), 1, Optional.empty(), List.of());
        return created.withStep(worker, createdAt.plusSeconds(65))
                .withStepsSuperseded(1, "restep", 2, createdAt.plusSeconds(66))
                .withStep(worker, createdAt.plusSeconds(67))
                .withStep(supervisor, createdAt.plusSeconds(70))
                .withMessage(Optional.of("Use the staging database."), createdAt.plusSeconds(71));
    }

    /** One event of every type, with sequence numbers 1, 2, 3 and so on. */
    public static List<JobEvent> sampleEvents(JobId id) {
        return List.of(
                new JobCreated(1, T0, sampleJob(id, T0)),
                new StateChanged(2, T0.plusSeconds(1), JobStatus.PENDING, JobStatus.RUNNING, "run", Optional.empty()),
                new StepStarted(3, T0.plusSeconds(2), 1, "worker", "mock", "host", false),
                new PhaseChanged(4, T0.plusSeconds(3), 1, StepPhase.EXECUTING),
                new ExecutionStarted(5, T0.plusSeconds(4), 1, List.of("mock-agent", "--prompt", "Fix it \"now\""),
                        Map.of("pid", "4242")),
                new UsageReported(6, T0.plusSeconds(5), 1, Usage.of(10, 2, new BigDecimal("0.10")),
                        Usage.of(110, 22, new BigDecimal("0.30"))),
                new VerdictRejected(7, T0.plusSeconds(6), 1, "no verdict found"),
                new StepFinished(8, T0.plusSeconds(7), 1, StepOutcome.STUCK, Optional.of("needs a human"),
                        Optional.of(0), Optional.of("Cannot reach the database."), Optional.of("abc123"),
                        new Usage(110, 22, Optional.empty())),
                new StateChanged(9, T0.plusSeconds(8), JobStatus.RUNNING, JobStatus.INTERVENTION_REQUIRED, "step",
                        Optional.of("the worker is stuck")),
                new MessageGiven(10, T0.plusSeconds(9), "resubmit", "Use the staging database."),
                new StepsSuperseded(11, T0.plusSeconds(10), 1, 1, "restep"),
                new SignalRaised(12, T0.plusSeconds(11), 2, "rate-limit", "429 Too Many Requests"),
                new LimitWarning(13, T0.plusSeconds(12), 2, "maxCostUsd", "$4.00 of $5.00"),
                new StepInterrupted(14, T0.plusSeconds(13), 2, "the owning process 4242 died"),
                new ExecutionReattached(15, T0.plusSeconds(14), 2, Map.of("pid", "4343", "startTime", "99")));
    }

    private static JobEvent event(long seq) {
        return new StateChanged(seq, T0.plusSeconds(seq), JobStatus.PENDING, JobStatus.RUNNING, "run",
                Optional.empty());
    }

    private JobId created(String id) {
        JobId jobId = JobId.of(id);
        store.create(sampleJob(jobId, T0));
        return jobId;
    }

    @Test
    void createThenLoadReturnsTheSameJob() {
        JobInfo job = sampleJob(JobId.of("fix-login-3f9a"), T0);

        store.create(job);

        assertThat(store.load(job.id())).contains(job);
    }

    @Test
    void createTwiceIsRefused() {
        JobInfo first = sampleJob(JobId.of("twice"), T0);
        store.create(first);
        JobInfo second = first.withStatus(JobStatus.FAILED, Optional.of("other"), T0.plusSeconds(9));

        assertThatThrownBy(() -> store.create(second)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("twice");
        assertThat(store.load(first.id())).contains(first);
    }

    @Test
    void saveReplacesTheManifest() {
        JobId id = created("saved");
        JobInfo changed = store.load(id).orElseThrow()
                .withStatus(JobStatus.INTERVENTION_REQUIRED, Optional.of("budget"), T0.plusSeconds(99));

        store.save(changed);

        assertThat(store.load(id)).contains(changed);
        assertThat(store.list()).containsExactly(changed);
    }

    @Test
    void loadOfUnknownJobIsEmpty() {
        created("known");

        assertThat(store.load(JobId.of("unknown"))).isEmpty();
    }

    @Test
    void listReturnsJobsOldestFirst() {
        // created in an order that is neither the time order nor the id order
        store.create(sampleJob(JobId.of("a-newest"), T0.plusSeconds(300)));
        store.create(sampleJob(JobId.of("c-oldest"), T0));
        store.create(sampleJob(JobId.of("b-middle"), T0.plusSeconds(100)));
        store.create(sampleJob(JobId.of("d-older"), T0.plusSeconds(50)));

        assertThat(store.list()).extracting(job -> job.id().value())
                .containsExactly("c-oldest", "d-older", "b-middle", "a-newest");
    }

    @Test
    void eventsComeBackInOrder() {
        JobId id = created("eventful");
        List<JobEvent> events = sampleEvents(id);

        events.forEach(event -> store.append(id, event));

        assertThat(store.events(id)).containsExactlyElementsOf(events);
    }

    @Test
    void appendRefusesAGapOrRepeatInSequence() {
        JobId id = created("strict");
        JobId fresh = created("fresh");

        assertThatThrownBy(() -> store.append(fresh, event(2))).isInstanceOf(StoreException.class);
        store.append(id, event(1));
        assertThatThrownBy(() -> store.append(id, event(1))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.append(id, event(3))).isInstanceOf(StoreException.class);
        store.append(id, event(2));

        assertThat(store.events(id)).containsExactly(event(1), event(2));
        assertThat(store.events(fresh)).isEmpty();
    }

    @Test
    void logsAppendAndReadBack() {
        JobId id = created("logged");
        try (StepLog log = store.openLog(id, "logs/1-worker.log")) {
            log.append("first line");
            log.append("  second line with ümlauts  ");
            // followers read while the step still writes
            assertThat(store.readLog(id, "logs/1-worker.log")).containsExactly("first line",
                    "  second line with ümlauts  ");
        }
        try (StepLog log = store.openLog(id, "logs/1-worker.log")) {
            log.append("after reopening");
        }

        assertThat(store.readLog(id, "logs/1-worker.log"))
                .containsExactly("first line", "  second line with ümlauts  ", "after reopening");
        assertThat(store.readLog(id, "logs/2-supervisor.log")).isEmpty();
    }

    @Test
    void readLogOfMissingLogIsEmpty() {
        JobId id = created("quiet");

        assertThat(store.readLog(id, "logs/9-worker.log")).isEmpty();
    }

    @Test
    void secondLockIsRefusedWithOwner() {
        JobId id = created("locked");
        try (JobLock first = store.lock(id, "run")) {
            assertThat(first.id()).isEqualTo(id);
            assertThat(first.owner().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(first.owner().purpose()).isEqualTo("run");

            assertThatThrownBy(() -> store.lock(id, "step")).isInstanceOfSatisfying(JobLockedException.class,
                    refused -> assertThat(refused.owner()).isEqualTo(first.owner()));
        }
    }

    @Test
    void lockCanBeTakenAgainAfterClose() {
        JobId id = created("relocked");
        store.lock(id, "run").close();

        try (JobLock again = store.lock(id, "resume")) {
            assertThat(again.owner().purpose()).isEqualTo("resume");
        }
    }

    @Test
    void locksOfDifferentJobsAreIndependent() {
        JobId one = created("one");
        JobId two = created("two");

        try (JobLock first = store.lock(one, "run"); JobLock second = store.lock(two, "run")) {
            assertThat(List.of(first.id(), second.id())).containsExactly(one, two);
        }
    }

    @Test
    void deleteRemovesTheJobItsEventsLogsAndDirectory() throws IOException {
        JobId gone = created("gone-job");
        JobId kept = created("kept-job");
        store.append(gone, event(1));
        try (StepLog log = store.openLog(gone, "logs/1-worker.log")) {
            log.append("line");
        }
        Path dir = store.directory(gone);
        Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(dir.resolve("workspace").resolve("file.txt"), "x");

        store.delete(gone);

        assertThat(store.load(gone)).isEmpty();
        assertThat(store.list()).extracting(JobInfo::id).containsExactly(kept);
        assertThat(dir).doesNotExist();
        assertThat(store.load(kept)).isPresent();
    }

    @Test
    void aPostedRequestIsTakenOnceAndALaterOneReplacesIt() {
        JobId id = created("asked-job");
        assertThat(store.takeRequest(id)).isEmpty();

        store.postRequest(id, OwnerRequest.SUSPEND);
        store.postRequest(id, OwnerRequest.CANCEL);

        assertThat(store.takeRequest(id)).contains(OwnerRequest.CANCEL);
        assertThat(store.takeRequest(id)).isEmpty();
    }

    @Test
    void directoryIsStablePerJob() throws IOException {
        JobId one = created("dir-one");
        JobId two = created("dir-two");
        Path dir = store.directory(one);
        Files.createDirectories(dir.resolve("workspace"));
        Files.writeString(dir.resolve("workspace").resolve("note.txt"), "kept");

        assertThat(store.directory(one)).isEqualTo(dir);
        assertThat(store.directory(two)).isNotEqualTo(dir);
        assertThat(store.directory(one).resolve("workspace").resolve("note.txt")).hasContent("kept");
        assertThat(store.load(one)).isPresent();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void concurrentAppendsFromThreadsKeepStrictSequence() throws Exception {
        JobId id = created("busy");
        int threads = 4;
        long total = 80;
        AtomicLong last = new AtomicLong();
        // A store that wrongly refuses every append must fail the test, not hang it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> accepted = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // Every thread races for the next number; the store must accept each number exactly once.
                accepted.add(pool.submit(() -> {
                    long mine = 0;
                    for (long next = last.get() + 1; next <= total && System.nanoTime() < deadline;
                         next = last.get() + 1) {
                        try {
                            store.append(id, event(next));
                            last.accumulateAndGet(next, Math::max);
                            mine++;
                        } catch (StoreException refused) {
                            Thread.yield();
                        }
                    }
                    return mine;
                }));
            }
            long sum = 0;
            for (Future<Long> count : accepted) {
                sum += count.get();
            }
            assertThat(sum).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.events(id)).extracting(JobEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }
}
