package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.settings;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.StepOutcome;
import io.logist.core.internal.engine.StepPlan.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan after a person sent the job back to work (reject, resubmit, restep). */
class SentBackPlanTest {

    @Test
    void aStepThatWouldRestGoesOnWithAWorkerOnceSentBack() {
        JobInfo stuck = withStep(job(), "worker", StepOutcome.STUCK, "blocked");
        assertThat(StepPlan.next(stuck)).isInstanceOf(Decision.Rest.class);

        assertThat(StepPlan.next(stuck.withSentBackAfter(Optional.of(1), TestJobs.T0)))
                .isEqualTo(new Decision.Run("worker", false));
    }

    @Test
    void aRejectedApprovalGoesOnWithAWorker() {
        JobInfo approved = withStep(withStep(job(settings(Workflow.WORKER_SUPERVISOR, true, Limits.DEFAULTS)),
                "worker", StepOutcome.COMPLETED, "done"), "supervisor", StepOutcome.COMPLETED, "good");

        assertThat(StepPlan.next(approved.withSentBackAfter(Optional.of(2), TestJobs.T0)))
                .isEqualTo(new Decision.Run("worker", false));
    }

    @Test
    void aStepThatGoesOnAnywayKeepsItsOwnNextRole() {
        JobInfo completed = withStep(job(), "worker", StepOutcome.COMPLETED, "done");

        assertThat(StepPlan.next(completed.withSentBackAfter(Optional.of(1), TestJobs.T0)))
                .isEqualTo(new Decision.Run("supervisor", false));
    }

    @Test
    void aSendBackAfterAnEarlierStepNoLongerCounts() {
        JobInfo job = withStep(withStep(job(), "worker", StepOutcome.STUCK, "blocked")
                .withSentBackAfter(Optional.of(1), TestJobs.T0), "worker", StepOutcome.STUCK, "blocked again");

        assertThat(StepPlan.next(job)).isInstanceOfSatisfying(Decision.Rest.class,
                rest -> assertThat(rest.action()).isEqualTo(JobAction.NEED_INTERVENTION));
    }

    @Test
    void aSupersededStepTakesItsSendBackAlong() {
        JobInfo job = withStep(withStep(job(), "worker", StepOutcome.COMPLETED, "done"),
                "supervisor", StepOutcome.STUCK, "cannot run the tests").withSentBackAfter(Optional.of(2), TestJobs.T0);

        JobInfo restepped = job.withStepsSuperseded(2, "restep", 1, TestJobs.T0);

        assertThat(restepped.sentBackAfter()).isEmpty();
    }
}
