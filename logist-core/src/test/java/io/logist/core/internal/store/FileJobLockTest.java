package io.logist.core.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.JobId;
import io.logist.JobLockedException;
import io.logist.JobNotFoundException;
import io.logist.core.internal.json.Json;
import io.logist.spi.JobLock;
import io.logist.testkit.JobStoreContractKit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Locks on a real disk, between threads, store instances and processes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileJobLockTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final JobId ID = JobId.of("locked-job");

    @TempDir
    Path home;

    private FileJobStore store;
    private Process child;

    @BeforeEach
    void createJob() {
        store = new FileJobStore(home, Clock.fixed(NOW, ZoneOffset.UTC));
        store.create(JobStoreContractKit.sampleJob(ID, NOW));
    }

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly().waitFor();
        }
    }

    private Path lockFile() {
        return store.directory(ID).resolve("lock");
    }

    /** Starts {@link LockHolder} and returns the first line it prints. */
    private String startChild() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), home.toString(), ID.value()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8)).readLine();
    }

    @Test
    void lockWritesTheOwnerIntoTheLockFileAndErasesItOnClose() throws IOException {
        try (JobLock lock = store.lock(ID, "run")) {
            assertThat(lock.owner().since()).isEqualTo(NOW);
            JsonNode owner = Json.mapper().readTree(Files.readAllBytes(lockFile()));
            assertThat(owner.get("pid").longValue()).isEqualTo(ProcessHandle.current().pid());
            assertThat(owner.get("host").textValue()).isNotBlank();
            assertThat(owner.get("since").textValue()).isEqualTo("2026-03-01T10:15:30Z");
            assertThat(owner.get("purpose").textValue()).isEqualTo("run");
        }

        assertThat(lockFile()).exists().isEmptyFile();
    }

    @Test
    void anOwnerThatHasNotWrittenYetIsWaitedForBriefly() throws Exception {
        assertThat(startChild()).isEqualTo("locked");
        byte[] written = Files.readAllBytes(lockFile());
        Files.write(lockFile(), new byte[0]);
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(200);
                Files.write(lockFile(), written);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        assertThatThrownBy(() -> store.lock(ID, "run")).isInstanceOfSatisfying(JobLockedException.class,
                e -> assertThat(e.owner().pid()).isEqualTo(child.pid()));
        writer.join();
    }

    @Test
    void anotherStoreInThisProcessIsRefused() {
        try (JobLock held = store.lock(ID, "run")) {
            assertThatThrownBy(() -> new FileJobStore(home).lock(ID, "step"))
                    .isInstanceOfSatisfying(JobLockedException.class,
                            e -> assertThat(e.owner()).isEqualTo(held.owner()))
                    .hasMessageContaining("job locked-job is locked by pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void refusalInThisProcessKeepsTheLockForOtherProcesses() throws IOException {
        try (JobLock held = store.lock(ID, "run")) {
            assertThatThrownBy(() -> store.lock(ID, "step")).isInstanceOf(JobLockedException.class);

            assertThat(startChild()).isEqualTo("refused " + held.owner().pid());
        }
    }

    @Test
    void anotherProcessHoldingTheLockRefusesThisOneUntilItDies() throws Exception {
        assertThat(startChild()).isEqualTo("locked");

        assertThatThrownBy(() -> store.lock(ID, "run")).isInstanceOfSatisfying(JobLockedException.class, e -> {
            assertThat(e.owner().pid()).isEqualTo(child.pid());
            assertThat(e.owner().purpose()).isEqualTo("child");
        });
        Files.write(lockFile(), new byte[0]);
        assertThatThrownBy(() -> store.lock(ID, "run")).isInstanceOfSatisfying(JobLockedException.class,
                e -> assertThat(e.owner().purpose()).contains("no owner information"));

        child.destroyForcibly().waitFor();
        try (JobLock lock = store.lock(ID, "run")) {
            assertThat(lock.owner().pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        JobLock lock = store.lock(ID, "run");
        lock.close();
        JobLock again = store.lock(ID, "run");
        lock.close();

        assertThatThrownBy(() -> store.lock(ID, "step")).isInstanceOf(JobLockedException.class);
        again.close();
    }

    @Test
    void lockOfAJobThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> store.lock(JobId.of("missing"), "run")).isInstanceOf(JobNotFoundException.class);
        assertThat(Files.exists(store.directory(JobId.of("missing")))).isFalse();
    }
}
