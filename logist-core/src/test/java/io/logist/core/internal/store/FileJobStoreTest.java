package io.logist.core.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobNotFoundException;
import io.logist.JobStatus;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.StoreException;
import io.logist.Usage;
import io.logist.core.internal.json.Json;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.MessageGiven;
import io.logist.event.PhaseChanged;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.StepsSuperseded;
import io.logist.event.UsageReported;
import io.logist.spi.StepLog;
import io.logist.testkit.JobStoreContractKit;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The file layout and crash behaviour of {@link FileJobStore}, on an in-memory file system. */
class FileJobStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final JobId ID = JobId.of("fix-login-3f9a");

    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home/user/.logist");
    private final FileJobStore store = new FileJobStore(home);

    @AfterEach
    void closeFileSystem() throws IOException {
        fs.close();
    }

    private static JobEvent event(long seq) {
        return new StateChanged(seq, T0.plusSeconds(seq), JobStatus.PENDING, JobStatus.RUNNING, "run",
                Optional.empty());
    }

    private JobInfo createJob() {
        JobInfo job = JobStoreContractKit.sampleJob(ID, T0);
        store.create(job);
        return job;
    }

    private Path jobDir() {
        return home.resolve("jobs").resolve(ID.value());
    }

    private List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createWritesTheManifestInTheJobDirectory() throws IOException {
        JobInfo job = createJob();

        assertThat(store.directory(ID)).isEqualTo(jobDir());
        assertThat(Json.readJob(Files.readAllBytes(jobDir().resolve("job.json")))).isEqualTo(job);
    }

    @Test
    void atomicSaveLeavesNoTemporaryFiles() throws IOException {
        JobInfo job = createJob();

        store.save(job.withStatus(JobStatus.SUCCESS, Optional.empty(), T0.plusSeconds(1)));
        store.save(job.withStatus(JobStatus.FAILED, Optional.of("boom"), T0.plusSeconds(2)));

        assertThat(fileNames(jobDir())).containsExactly("job.json");
        assertThat(store.load(ID).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void saveOfAJobThatWasNeverCreatedIsAStoreError() {
        assertThatThrownBy(() -> store.save(JobStoreContractKit.sampleJob(ID, T0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("create it first");
        assertThat(Files.exists(jobDir())).isFalse();
    }

    @Test
    void createOverADirectoryLeftWithoutManifestSaysSo() throws IOException {
        Files.createDirectories(jobDir());

        assertThatThrownBy(() -> store.create(JobStoreContractKit.sampleJob(ID, T0)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("exists without a manifest")
                .hasMessageContaining(jobDir().toString());
    }

    @Test
    void appendWritesOneLinePerEventAndNamesExpectedAndActualSeqWhenRefused() throws IOException {
        createJob();
        store.append(ID, event(1));
        store.append(ID, event(2));

        assertThatThrownBy(() -> store.append(ID, event(5))).isInstanceOf(StoreException.class)
                .hasMessageContaining("its seq is 5").hasMessageContaining("next seq must be 3")
                .hasMessageContaining(ID.value());
        assertThat(Files.readAllLines(jobDir().resolve("events.jsonl")))
                .containsExactly(Json.writeEvent(event(1)), Json.writeEvent(event(2)));
    }

    @Test
    void appendSeesEventsAppendedByAnotherProcess() {
        createJob();
        FileJobStore other = new FileJobStore(home);
        store.append(ID, event(1));
        other.append(ID, event(2));

        assertThatThrownBy(() -> store.append(ID, event(2))).isInstanceOf(StoreException.class);
        store.append(ID, event(3));

        assertThat(other.events(ID)).extracting(JobEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCorruptOrMissingManifestIsRebuiltFromTheEventsAndWrittenBack() throws IOException {
        JobInfo draft = JobStoreContractKit.sampleJob(ID, T0).withStepsSuperseded(1, "rerun", 1, T0)
                .withStatus(JobStatus.DRAFT, Optional.empty(), T0).withMessage(Optional.empty(), T0);
        store.create(draft);
        Usage partial = Usage.of(100, 10, new BigDecimal("0.01"));
        Usage total = Usage.of(300, 30, new BigDecimal("0.03"));
        Map<String, String> handle = Map.of("pid", "42");
        List<JobEvent> events = List.of(
                new JobCreated(1, T0, draft),
                new StateChanged(2, T0.plusSeconds(1), JobStatus.DRAFT, JobStatus.PENDING, "activate",
                        Optional.empty()),
                new StateChanged(3, T0.plusSeconds(2), JobStatus.PENDING, JobStatus.RUNNING, "run", Optional.empty()),
                new StepStarted(4, T0.plusSeconds(3), 1, "worker", "mock", "host", false),
                new PhaseChanged(5, T0.plusSeconds(4), 1, StepPhase.EXECUTING),
                new ExecutionStarted(6, T0.plusSeconds(5), 1, List.of("mock"), handle),
                new UsageReported(7, T0.plusSeconds(6), 1, partial, partial),
                new PhaseChanged(8, T0.plusSeconds(7), 1, StepPhase.HARVESTING),
                new PhaseChanged(9, T0.plusSeconds(8), 1, StepPhase.DONE),
                new StepFinished(10, T0.plusSeconds(9), 1, StepOutcome.STUCK, Optional.empty(), Optional.of(0),
                        Optional.of("needs a key"), Optional.of("c1"), total),
                new StateChanged(11, T0.plusSeconds(10), JobStatus.RUNNING, JobStatus.INTERVENTION_REQUIRED, "step",
                        Optional.of("stuck")),
                new MessageGiven(12, T0.plusSeconds(11), "resubmit", "Here is the key."),
                new StepsSuperseded(13, T0.plusSeconds(12), 1, 1, "restep"),
                new StepStarted(14, T0.plusSeconds(13), 1, "worker", "mock", "host", false),
                new ExecutionReattached(15, T0.plusSeconds(14), 1, handle));
        events.forEach(event -> store.append(ID, event));
        // The draft's history already holds a step 1 with logs/1-worker.log: later steps 1 get logs of their own.
        StepInfo stuck = StepInfo.started(1, "worker", "mock", "host", false, T0.plusSeconds(3),
                        Path.of("logs", "1-worker.2.log")).withPhase(StepPhase.DONE).withExecution(handle)
                .withUsage(total).finished(StepOutcome.STUCK, Optional.empty(), Optional.of(0),
                        Optional.of("needs a key"), T0.plusSeconds(9)).withCommit("c1");
        JobInfo expected = draft.withStatus(JobStatus.INTERVENTION_REQUIRED, Optional.of("stuck"), T0)
                .withStep(stuck, T0).withMessage(Optional.of("Here is the key."), T0)
                .withStepsSuperseded(1, "restep", 1, T0)
                .withStep(StepInfo.started(1, "worker", "mock", "host", false, T0.plusSeconds(13),
                        Path.of("logs", "1-worker.3.log")).withExecution(handle), T0.plusSeconds(14));
        Files.writeString(jobDir().resolve("job.json"), "{\"id\": \"fix-lo");

        assertThat(store.load(ID)).contains(expected);
        assertThat(Json.readJob(Files.readAllBytes(jobDir().resolve("job.json")))).as("written back")
                .isEqualTo(expected);
        Files.delete(jobDir().resolve("job.json"));
        assertThat(store.load(ID)).contains(expected);
        assertThat(store.list()).containsExactly(expected);
    }

    @Test
    void halfWrittenLastLineIsSkipped() throws IOException {
        createJob();
        store.append(ID, event(1));
        String half = Json.writeEvent(event(2));
        Files.writeString(jobDir().resolve("events.jsonl"), half.substring(0, half.length() / 2), UTF_8,
                StandardOpenOption.APPEND);

        assertThat(store.events(ID)).containsExactly(event(1));
    }

    @Test
    void unreadableLastLineIsSkipped() throws IOException {
        createJob();
        store.append(ID, event(1));
        Files.writeString(jobDir().resolve("events.jsonl"), "\u0000\u0000\u0000\n", UTF_8, StandardOpenOption.APPEND);

        assertThat(store.events(ID)).containsExactly(event(1));
    }

    @Test
    void appendAfterACrashDropsTheHalfWrittenLineAndContinues() throws IOException {
        createJob();
        FileJobStore crashed = new FileJobStore(home);
        crashed.append(ID, event(1));
        Files.writeString(jobDir().resolve("events.jsonl"), "{\"seq\":2,\"ts\":", UTF_8, StandardOpenOption.APPEND);

        store.append(ID, event(2));

        assertThat(store.events(ID)).containsExactly(event(1), event(2));
        assertThat(Files.readAllLines(jobDir().resolve("events.jsonl"))).hasSize(2);
    }

    @Test
    void corruptLineInTheMiddleIsAnErrorNamingFileAndLine() throws IOException {
        createJob();
        Path events = jobDir().resolve("events.jsonl");
        Files.write(events, List.of(Json.writeEvent(event(1)), "{not json", Json.writeEvent(event(2))), UTF_8);

        assertThatThrownBy(() -> store.events(ID)).isInstanceOf(StoreException.class)
                .hasMessageContaining(events.toString()).hasMessageContaining("line 2");
        assertThatThrownBy(() -> store.append(ID, event(3))).isInstanceOf(StoreException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void eventsOfAJobThatDoesNotExistAreRefused() {
        assertThatThrownBy(() -> store.events(ID)).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> store.append(ID, event(1))).isInstanceOf(JobNotFoundException.class);
        assertThat(Files.exists(jobDir())).isFalse();
    }

    @Test
    void listOrdersByCreationThenIdAndSkipsBrokenJobs() throws IOException {
        store.create(JobStoreContractKit.sampleJob(JobId.of("b-same-time"), T0));
        store.create(JobStoreContractKit.sampleJob(JobId.of("a-same-time"), T0));
        store.create(JobStoreContractKit.sampleJob(JobId.of("0-later"), T0.plusSeconds(1)));
        store.create(JobStoreContractKit.sampleJob(JobId.of("corrupt"), T0));
        Files.writeString(home.resolve("jobs/corrupt/job.json"), "{\"id\":");
        Files.createDirectories(home.resolve("jobs/no-manifest"));
        Files.createDirectories(home.resolve("jobs/Not A Job"));

        assertThat(store.list()).extracting(job -> job.id().value())
                .containsExactly("a-same-time", "b-same-time", "0-later");
    }

    @Test
    void listOfAnEmptyHomeIsEmpty() {
        assertThat(store.list()).isEmpty();
    }

    @Test
    void loadOfACorruptManifestIsAnErrorNamingTheFile() throws IOException {
        createJob();
        Files.writeString(jobDir().resolve("job.json"), "{\"id\": \"fix-login-3f9a\", \"status\": \"WEIRD\"}");

        assertThatThrownBy(() -> store.load(ID)).isInstanceOf(StoreException.class)
                .hasMessageContaining(jobDir().resolve("job.json").toString()).hasMessageContaining("corrupt");
    }

    @Test
    void logsLiveUnderTheJobDirectory() throws IOException {
        createJob();
        try (StepLog log = store.openLog(ID, "logs/1-worker.log")) {
            log.append("hello");
        }

        assertThat(Files.readAllLines(jobDir().resolve("logs/1-worker.log"))).containsExactly("hello");
    }

    @Test
    void logNamesThatEscapeTheJobDirectoryAreRefused() {
        createJob();

        for (String name : List.of("../other/x.log", "logs/../../x.log", "/tmp/x.log", "", ".", "job.json",
                "events.jsonl", "logs/../lock")) {
            assertThatThrownBy(() -> store.openLog(ID, name)).as(name).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("inside the job directory");
            assertThatThrownBy(() -> store.readLog(ID, name)).as(name).isInstanceOf(BadInputException.class);
        }
        assertThat(Files.exists(home.resolve("jobs/other"))).isFalse();
    }

    @Test
    void openLogOfAJobThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> store.openLog(ID, "logs/1-worker.log")).isInstanceOf(JobNotFoundException.class);
        assertThat(store.readLog(ID, "logs/1-worker.log")).isEmpty();
    }
}
