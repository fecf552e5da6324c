package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.SentinelSettings;
import io.logist.StepOutcome;
import io.logist.Usage;
import io.logist.core.internal.engine.StepPlan.Decision;
import io.logist.core.internal.sentinel.Failure;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failures that pass are retried by new steps of the same role, a bounded number of times in a row. */
class StepPlanRetryTest {
    private static final String RATE_LIMITED = Failure.RATE_LIMIT.reason("agent 'mock' exited with code 1: 429");

    private static JobInfo jobWithRetries(int retries) {
        JobInfo job = job();
        JobSettings s = job.settings();
        JobSettings settings = new JobSettings(s.runner(), s.workflow(), s.roles(), s.limits(), s.requireApproval(),
                s.branchPrefix(), s.environment(), s.agentOptions(), s.runnerOptions(),
                new SentinelSettings(5, Duration.ofSeconds(30), Duration.ofSeconds(5), retries, Duration.ofSeconds(10)),
                s.signals(), s.harvestRemote());
        return TestJobs.job(settings);
    }

    private static JobInfo failed(JobInfo job, String role, String reason) {
        return withStep(job, role, StepOutcome.AGENT_FAILED, reason);
    }

    @Test
    void aRateLimitedStepIsRetriedAfterABackoffThatDoubles() {
        JobInfo once = failed(jobWithRetries(3), "worker", RATE_LIMITED);
        assertThat(StepPlan.next(once)).isEqualTo(new Decision.Run("worker", false, Duration.ofSeconds(10)));
        JobInfo twice = failed(once, "worker", RATE_LIMITED);
        assertThat(StepPlan.next(twice)).isEqualTo(new Decision.Run("worker", false, Duration.ofSeconds(20)));
        JobInfo thrice = failed(twice, "worker", Failure.SERVER_ERROR.reason("502"));
        assertThat(StepPlan.next(thrice)).isEqualTo(new Decision.Run("worker", false, Duration.ofSeconds(40)));
    }

    @Test
    void afterTheLastRetryTheJobNeedsAPersonWithTheReason() {
        JobInfo job = jobWithRetries(2);
        for (int i = 0; i < 3; i++) {
            job = failed(job, "worker", RATE_LIMITED);
        }
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Rest(JobAction.NEED_INTERVENTION,
                Optional.of(RATE_LIMITED + " (still failing after 2 retries)")));
    }

    @Test
    void noRetriesMeansTheFirstFailureNeedsAPerson() {
        assertThat(StepPlan.next(failed(jobWithRetries(0), "worker", RATE_LIMITED)))
                .isEqualTo(new Decision.Rest(JobAction.NEED_INTERVENTION,
                        Optional.of(RATE_LIMITED + " (still failing after 0 retries)")));
    }

    @Test
    void aSuccessfulStepBetweenFailuresStartsTheCountOver() {
        JobInfo job = failed(failed(jobWithRetries(2), "worker", RATE_LIMITED), "worker", RATE_LIMITED);
        job = withStep(job, "worker", StepOutcome.COMPLETED, "done");
        job = failed(job, "supervisor", RATE_LIMITED);
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("supervisor", false, Duration.ofSeconds(10)));
    }

    @Test
    void aPersonSendingTheJobBackStartsTheCountOver() {
        JobInfo job = jobWithRetries(1);
        for (int i = 0; i < 2; i++) {
            job = failed(job, "worker", RATE_LIMITED);
        }
        assertThat(StepPlan.next(job)).isInstanceOf(Decision.Rest.class);
        job = failed(job.withSentBackAfter(Optional.of(2), TestJobs.T0), "worker", RATE_LIMITED);
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("worker", false, Duration.ofSeconds(10)));
    }

    @Test
    void aRetryKeepsTheReaskOfTheStepItRepeats() {
        JobInfo job = withStep(jobWithRetries(3), "worker", StepOutcome.AGENT_FAILED, RATE_LIMITED, true, Usage.NONE);
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("worker", true, Duration.ofSeconds(10)));
    }

    @Test
    void failuresThatDoNotPassNeedAPersonAtOnce() {
        for (Failure failure : new Failure[] {Failure.AUTH_FAILED, Failure.CONTEXT_OVERFLOW, Failure.NETWORK_ERROR}) {
            String reason = failure.reason("agent 'mock' exited with code 1");
            assertThat(StepPlan.next(failed(jobWithRetries(3), "worker", reason)))
                    .isEqualTo(new Decision.Rest(JobAction.NEED_INTERVENTION, Optional.of(reason)));
        }
    }

    @Test
    void aStepKilledForARateLimitReasonIsNotRetried() {
        JobInfo job = withStep(jobWithRetries(3), "worker", StepOutcome.KILLED, RATE_LIMITED);
        assertThat(StepPlan.next(job)).isInstanceOf(Decision.Rest.class);
    }
}
