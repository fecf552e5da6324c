package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.JobSettings.Workflow;
import io.logist.JobStatus;
import io.logist.StepInfo;
import java.util.Optional;

/**
 * Decides what the loop does next from the job's history alone (SPEC section 3), so that {@code step},
 * {@code run} and a restarted process all agree.
 */
final class StepPlan {
    static final String WORKER = "worker";
    static final String SUPERVISOR = "supervisor";

    private StepPlan() {
    }

    /** What comes next. */
    sealed interface Decision {
        /** Run a step of {@code role}; {@code reask} when the previous step gave no valid verdict. */
        record Run(String role, boolean reask) implements Decision {
        }

        /** Stop the loop with {@code action}. */
        record Rest(JobAction action, Optional<String> reason) implements Decision {
            /** Where the loop would leave the job and why, for a person asking about a next step. */
            String describe() {
                return "the loop would end it " + JobStateMachine.next(JobStatus.RUNNING, action).orElseThrow()
                        + reason.map(r -> ": " + r).orElse("");
            }
        }
    }

    static Decision next(JobInfo job) {
        Decision decision = fromLastStep(job);
        return decision instanceof Decision.Rest && sentBackAfterLastStep(job)
                ? new Decision.Run(WORKER, false)
                : decision;
    }

    /**
     * Whether a person sent the job back to work after its last step (reject, resubmit, restep): the step that
     * made the loop rest has been dealt with.
     */
    private static boolean sentBackAfterLastStep(JobInfo job) {
        return job.sentBackAfter().isPresent() && job.sentBackAfter().equals(job.lastStep().map(StepInfo::n));
    }

    private static Decision fromLastStep(JobInfo job) {
        Optional<StepInfo> last = job.lastStep();
        if (last.isEmpty()) {
            return new Decision.Run(WORKER, false);
        }
        StepInfo step = last.get();
        if (step.outcome().isEmpty()) {
            return rest(JobAction.NEED_INTERVENTION, "step " + step.n() + " (" + step.role() + ") did not finish");
        }
        boolean supervised = job.settings().workflow() == Workflow.WORKER_SUPERVISOR;
        return switch (step.outcome().get()) {
            case COMPLETED -> step.role().equals(WORKER) && supervised
                    ? new Decision.Run(SUPERVISOR, false)
                    : approve(job);
            case RETRY -> new Decision.Run(WORKER, false);
            case STUCK -> rest(JobAction.NEED_INTERVENTION, step.role() + " is stuck: "
                    + step.summary().orElse("(no summary)"));
            case INVALID_VERDICT -> step.reask()
                    ? rest(JobAction.NEED_INTERVENTION, "no valid verdict from the " + step.role()
                            + " after a re-ask: " + step.reason().orElse("(no detail)"))
                    : new Decision.Run(step.role(), true);
            case INTERRUPTED -> new Decision.Run(step.role(), step.reask());
            case AGENT_FAILED, KILLED, CANCELED -> rest(JobAction.NEED_INTERVENTION,
                    step.reason().orElse(step.role() + " step " + step.n() + " ended " + step.outcome().get()));
        };
    }

    private static Decision approve(JobInfo job) {
        return job.settings().requireApproval()
                ? rest(JobAction.AWAIT_APPROVAL, "the supervisor approved; waiting for a human: logist job approve "
                        + job.id() + " or reject " + job.id() + " --message TEXT")
                : new Decision.Rest(JobAction.SUCCEED, Optional.empty());
    }

    private static Decision rest(JobAction action, String reason) {
        return new Decision.Rest(action, Optional.of(reason));
    }

    /** How many supervisor reviews ended with a verdict: the rounds done. */
    static long roundsDone(JobInfo job) {
        return job.steps().stream()
                .filter(s -> s.role().equals(SUPERVISOR))
                .filter(s -> s.outcome().filter(o -> o == io.logist.StepOutcome.COMPLETED
                        || o == io.logist.StepOutcome.RETRY).isPresent())
                .count();
    }
}
