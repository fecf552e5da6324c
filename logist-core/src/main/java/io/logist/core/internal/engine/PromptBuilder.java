package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.RoleSettings;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.core.internal.verdict.VerdictInstructions;
import java.util.List;
import java.util.Optional;

/**
 * Writes the prompt of a step (SPEC section 3): the role's instructions, the task, what earlier steps
 * handed over, and the verdict protocol. The worker sees the supervisor's feedback and its own last summary;
 * the supervisor sees the worker's summary and the diff of the round. A person's message (reject, resubmit) goes
 * to the worker.
 */
final class PromptBuilder {
    private PromptBuilder() {
    }

    /**
     * The prompt for a step of {@code role}.
     *
     * @param roundDiff the change since the last review, for the supervisor
     */
    static String build(JobInfo job, RoleSettings role, boolean reask, Optional<String> roundDiff) {
        StringBuilder prompt = new StringBuilder();
        prompt.append(role.instructions().strip()).append("\n\n");
        section(prompt, "Task", job.prompt());
        List<StepInfo> steps = job.steps();
        if (role.name().equals(StepPlan.SUPERVISOR)) {
            lastSummaryOf(steps, StepPlan.WORKER).ifPresent(s -> section(prompt, "The worker's summary", s));
            roundDiff.ifPresent(d -> section(prompt, "The change to review (git diff)",
                    d.isBlank() ? "(no change)" : "```diff\n" + d.strip() + "\n```"));
        } else {
            job.message().ifPresent(m -> section(prompt, "Message from a person", m));
            supervisorFeedback(steps).ifPresent(f -> section(prompt, "Feedback from the supervisor", f));
            lastSummaryOf(steps, role.name()).ifPresent(s -> section(prompt, "Your previous step's summary", s));
        }
        if (reask) {
            job.lastStep().flatMap(StepInfo::reason).ifPresent(error -> section(prompt,
                    "Your previous answer had no valid verdict",
                    error + "\nDo the step again if needed, and this time end with a valid verdict."));
        }
        prompt.append(VerdictInstructions.text().strip()).append('\n');
        return prompt.toString();
    }

    private static void section(StringBuilder prompt, String title, String body) {
        prompt.append("## ").append(title).append("\n\n").append(body.strip()).append("\n\n");
    }

    private static Optional<String> lastSummaryOf(List<StepInfo> steps, String role) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepInfo step = steps.get(i);
            if (step.role().equals(role) && step.summary().isPresent()) {
                return step.summary();
            }
        }
        return Optional.empty();
    }

    /** The latest supervisor request for changes that no completed worker step has answered yet. */
    private static Optional<String> supervisorFeedback(List<StepInfo> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepInfo step = steps.get(i);
            if (step.role().equals(StepPlan.WORKER) && step.outcome().orElse(null) == StepOutcome.COMPLETED) {
                return Optional.empty();
            }
            if (step.role().equals(StepPlan.SUPERVISOR) && step.outcome().orElse(null) == StepOutcome.RETRY) {
                return step.summary();
            }
        }
        return Optional.empty();
    }
}
