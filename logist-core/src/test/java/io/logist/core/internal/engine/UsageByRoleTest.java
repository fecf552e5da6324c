package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.StepOutcome;
import io.logist.Usage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** {@link JobInfo#usageByRole()}: what each role used, summed over its steps. */
class UsageByRoleTest {

    @Test
    void usageIsSummedPerRoleInTheOrderRolesFirstActed() {
        JobInfo job = withStep(job(), "worker", StepOutcome.COMPLETED, "a", false, Usage.of(100, 10,
                new BigDecimal("0.10")));
        job = withStep(job, "supervisor", StepOutcome.RETRY, "more", false, Usage.of(50, 5, new BigDecimal("0.05")));
        job = withStep(job, "worker", StepOutcome.COMPLETED, "b", false, Usage.of(200, 20, new BigDecimal("0.20")));

        assertThat(job.usageByRole()).containsExactly(
                org.assertj.core.api.Assertions.entry("worker", Usage.of(300, 30, new BigDecimal("0.30"))),
                org.assertj.core.api.Assertions.entry("supervisor", Usage.of(50, 5, new BigDecimal("0.05"))));
        assertThat(job.usageByRole().values().stream().reduce(Usage.NONE, Usage::plus)).isEqualTo(job.usage());
    }

    @Test
    void aJobWithoutStepsHasNoUsageByRole() {
        assertThat(job().usageByRole()).isEmpty();
    }
}
