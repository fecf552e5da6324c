package io.logist.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobId;
import io.logist.core.internal.store.FileJobStore;
import io.logist.spi.OwnerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backoff before a retry, on a test clock: the sleeper moves the clock instead of sleeping. */
class RetryPauseTest {
    private static final JobId ID = JobId.of("job-1234");
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path home;
    private FileJobStore store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = new FileJobStore(home);
        Files.createDirectories(store.directory(ID));
    }

    private RetryPause pause(Runnable duringSleep) {
        return new RetryPause(store, clock, duration -> {
            sleeps.add(duration);
            clock.advance(duration);
            duringSleep.run();
        }, POLL);
    }

    @Test
    void waitsTheWholeBackoffInPollSizedSlices() throws Exception {
        Instant start = clock.instant();
        assertThat(pause(() -> { }).await(ID, Duration.ofMillis(250))).isEmpty();
        assertThat(sleeps).containsExactly(POLL, POLL, Duration.ofMillis(50));
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aCancelDuringTheWaitEndsItAtTheNextPoll() throws Exception {
        RetryPause pause = pause(() -> {
            if (sleeps.size() == 3) {
                store.postRequest(ID, OwnerRequest.CANCEL);
            }
        });
        assertThat(pause.await(ID, Duration.ofSeconds(40))).hasValue(OwnerRequest.CANCEL);
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void noBackoffDoesNotWait() throws Exception {
        assertThat(pause(() -> { }).await(ID, Duration.ZERO)).isEmpty();
        assertThat(sleeps).isEmpty();
    }
}
