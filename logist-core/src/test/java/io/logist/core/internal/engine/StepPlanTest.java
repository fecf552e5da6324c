package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.TestJobs.job;
import static io.logist.core.internal.engine.TestJobs.settings;
import static io.logist.core.internal.engine.TestJobs.withStep;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobInfo;
import io.logist.JobSettings.Workflow;
import io.logist.Limits;
import io.logist.StepOutcome;
import io.logist.Usage;
import io.logist.core.internal.engine.StepPlan.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepPlanTest {

    @Test
    void aNewJobStartsWithTheWorker() {
        assertThat(StepPlan.next(job())).isEqualTo(new Decision.Run("worker", false));
    }

    @Test
    void aCompletedWorkerStepGoesToTheSupervisor() {
        JobInfo job = withStep(job(), "worker", StepOutcome.COMPLETED, "done");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("supervisor", false));
    }

    @Test
    void aWorkerRetryRunsTheWorkerAgain() {
        JobInfo job = withStep(job(), "worker", StepOutcome.RETRY, "halfway");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("worker", false));
    }

    @Test
    void supervisorApprovalSucceeds() {
        JobInfo job = withStep(withStep(job(), "worker", StepOutcome.COMPLETED, "done"),
                "supervisor", StepOutcome.COMPLETED, "good");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Rest(JobAction.SUCCEED, Optional.empty()));
    }

    @Test
    void supervisorApprovalWaitsForAHumanWhenConfigured() {
        JobInfo job = withStep(withStep(job(settings(Workflow.WORKER_SUPERVISOR, true, Limits.DEFAULTS)),
                "worker", StepOutcome.COMPLETED, "done"), "supervisor", StepOutcome.COMPLETED, "good");
        assertThat(StepPlan.next(job)).isInstanceOfSatisfying(Decision.Rest.class,
                rest -> assertThat(rest.action()).isEqualTo(JobAction.AWAIT_APPROVAL));
    }

    @Test
    void aSupervisorRetrySendsTheWorkerBack() {
        JobInfo job = withStep(withStep(job(), "worker", StepOutcome.COMPLETED, "done"),
                "supervisor", StepOutcome.RETRY, "add tests");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Run("worker", false));
    }

    @Test
    void workerOnlyWorkflowApprovesItsOwnCompletedStep() {
        JobInfo job = withStep(job(settings(Workflow.WORKER_ONLY, false, Limits.DEFAULTS)),
                "worker", StepOutcome.COMPLETED, "done");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Rest(JobAction.SUCCEED, Optional.empty()));
    }

    @Test
    void stuckNeedsInterventionWithTheAgentsSummary() {
        JobInfo job = withStep(job(), "worker", StepOutcome.STUCK, "needs credentials");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Rest(JobAction.NEED_INTERVENTION,
                Optional.of("worker is stuck: needs credentials")));
    }

    @Test
    void anInvalidVerdictIsReaskedOnceThenNeedsIntervention() {
        JobInfo once = withStep(job(), "worker", StepOutcome.INVALID_VERDICT, "no verdict found");
        assertThat(StepPlan.next(once)).isEqualTo(new Decision.Run("worker", true));

        JobInfo twice = withStep(once, "worker", StepOutcome.INVALID_VERDICT, "no verdict found", true, Usage.NONE);
        assertThat(StepPlan.next(twice)).isInstanceOfSatisfying(Decision.Rest.class, rest -> {
            assertThat(rest.action()).isEqualTo(JobAction.NEED_INTERVENTION);
            assertThat(rest.reason()).hasValueSatisfying(r -> assertThat(r)
                    .contains("after a re-ask").contains("no verdict found"));
        });
    }

    @Test
    void aFailedAgentNeedsInterventionWithTheReason() {
        JobInfo job = withStep(job(), "worker", StepOutcome.AGENT_FAILED, "agent 'mock' exited with code 1: boom");
        assertThat(StepPlan.next(job)).isEqualTo(new Decision.Rest(JobAction.NEED_INTERVENTION,
                Optional.of("agent 'mock' exited with code 1: boom")));
    }

    @Test
    void roundsCountFinishedReviews() {
        JobInfo job = withStep(withStep(withStep(job(), "worker", StepOutcome.COMPLETED, "a"),
                "supervisor", StepOutcome.RETRY, "more"), "worker", StepOutcome.COMPLETED, "b");
        assertThat(StepPlan.roundsDone(job)).isEqualTo(1);
    }
}
