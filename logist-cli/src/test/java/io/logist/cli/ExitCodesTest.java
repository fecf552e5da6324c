package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.BadInputException;
import io.logist.ConfigProblem;
import io.logist.ConfigurationException;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobLockedException;
import io.logist.JobNotFoundException;
import io.logist.JobStatus;
import io.logist.PluginException;
import io.logist.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static final JobId ID = JobId.of("a");

    @Test
    void restingStatesMapToTheSpecsCodes() {
        assertThat(ExitCodes.forStatus(JobStatus.SUCCESS)).isZero();
        assertThat(ExitCodes.forStatus(JobStatus.PENDING)).isZero();
        assertThat(ExitCodes.forStatus(JobStatus.INTERVENTION_REQUIRED)).isEqualTo(10);
        assertThat(ExitCodes.forStatus(JobStatus.APPROVAL_REQUIRED)).isEqualTo(11);
        assertThat(ExitCodes.forStatus(JobStatus.SUSPENDED)).isEqualTo(12);
        assertThat(ExitCodes.forStatus(JobStatus.CANCELED)).isEqualTo(13);
        assertThat(ExitCodes.forStatus(JobStatus.FAILED)).isEqualTo(1);
    }

    @Test
    void badInputOfEveryKindIsAUsageError() {
        assertThat(ExitCodes.forException(new BadInputException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new ConfigurationException(List.of(
                new ConfigProblem("limits.maxSteps", Optional.of("-1"), "must be >= 1", Optional.of("--set"))))))
                .isEqualTo(2);
        assertThat(ExitCodes.forException(new JobNotFoundException(ID))).isEqualTo(2);
        assertThat(ExitCodes.forException(new InvalidTransitionException(ID, JobStatus.SUCCESS, "run", List.of())))
                .isEqualTo(2);
    }

    @Test
    void aLockedJobIsThree() {
        JobLockedException locked = new JobLockedException(ID,
                new JobLockedException.LockOwner(42, "box", Instant.EPOCH, "run"));
        assertThat(ExitCodes.forException(locked)).isEqualTo(3);
    }

    @Test
    void everythingElseIsAFailure() {
        assertThat(ExitCodes.forException(new StoreException("disk full"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new PluginException("broken"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new IllegalStateException())).isEqualTo(1);
    }
}
