package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.Cleanup;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobNotFoundException;
import io.logist.JobStatus;
import io.logist.spi.Observer;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code clean}: finished jobs go, everything else stays. */
class JobCleanerTest extends EngineTestCase {
    private static final String WORKER = "echo work >> a.txt; " + verdict("COMPLETED", "done");
    private static final String SUPERVISOR = verdict("COMPLETED", "fine");

    private final TestClock clock = new TestClock(Instant.now());

    @Override
    Clock clock() {
        return clock;
    }

    private JobId finishedJob() {
        JobId id = fixture.job(WORKER, SUPERVISOR);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        return id;
    }

    @Test
    void aFinishedJobLosesItsWorkspaceAndRecordButKeepsItsBranch() throws Exception {
        JobId id = finishedJob();
        JobInfo job = logist.status(id);
        String head = git(fixture.repo, "rev-parse", job.branch());

        List<String> removed = logist.clean(new Cleanup.Job(id));

        assertThat(removed).singleElement().asString().contains(id.value(), "SUCCESS", job.branch() + " stays");
        assertThat(fixture.jobDirectory(id)).doesNotExist();
        assertThat(job.workspace()).doesNotExist();
        assertThatThrownBy(() -> logist.status(id)).isInstanceOf(JobNotFoundException.class);
        assertThat(git(fixture.repo, "rev-parse", job.branch())).isEqualTo(head);
    }

    @Test
    void anUnfinishedJobIsRefusedAndKept() throws Exception {
        JobId pending = fixture.job(WORKER, SUPERVISOR);
        logist.step(pending, Observer.NOOP);
        String before = fixture.storedState(pending);
        assertThatThrownBy(() -> logist.clean(new Cleanup.Job(pending)))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("cannot clean job " + pending + ": it is PENDING; allowed from PENDING: run");
        assertThat(fixture.storedState(pending)).isEqualTo(before);
        assertThat(logist.status(pending).workspace()).exists();

        JobInfo job = logist.status(pending);
        fixture.otherStore().save(job.withStatus(JobStatus.RUNNING, Optional.empty(), job.updatedAt()));
        assertThatThrownBy(() -> logist.clean(new Cleanup.Job(pending)))
                .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("it is RUNNING");
        assertThat(logist.status(pending).workspace()).exists();
    }

    @Test
    void finishedJobsOlderThanTheAgeGoAndNoOtherJob() {
        JobId succeeded = finishedJob();
        JobId canceled = fixture.job(WORKER, SUPERVISOR);
        logist.cancel(canceled);
        JobId pending = fixture.job(WORKER, SUPERVISOR);
        clock.advance(Duration.ofHours(2));
        JobId recent = finishedJob();

        List<String> removed = logist.clean(new Cleanup.Finished(Duration.ofHours(1)));

        assertThat(removed).hasSize(2);
        assertThat(removed.get(0) + removed.get(1)).contains(succeeded.value(), canceled.value());
        assertThat(logist.list()).extracting(JobInfo::id).containsExactly(pending, recent);
        assertThatThrownBy(() -> logist.clean(new Cleanup.Finished(Duration.ofHours(-1))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("must not be negative");
        assertThat(logist.list()).hasSize(2);
    }
}
