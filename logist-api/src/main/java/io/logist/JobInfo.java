package io.logist;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about a job: its manifest. Immutable; every change makes a new one.
 *
 * @param id         the job id
 * @param name       the short name given at creation
 * @param status     the current state
 * @param reason     why the job is in this state, for states that need one
 * @param prompt     the task
 * @param repo       the source repository
 * @param base       the base ref as given (such as {@code HEAD} or {@code main})
 * @param baseCommit the commit the job branch started from
 * @param branch     the job branch, such as {@code logist/fix-login-3f9a}
 * @param workspace  the job's working copy
 * @param settings   the effective configuration
 * @param createdAt  when the job was created
 * @param updatedAt  when the manifest last changed
 * @param usage      what all steps used
 * @param steps      the steps of the current history, in order
 * @param run        the current run, from 1; {@code rerun} starts the next
 * @param message    a person's message for the next worker step, given with {@code reject} or {@code resubmit}
 * @param history    steps taken out of the current history by {@code restep} or {@code rerun}, oldest first
 * @param sentBackAfter the step after which a person sent the job back to work with {@code reject},
 *                   {@code resubmit} or {@code restep}: where that step would make the loop rest again, the next
 *                   step is a worker step
 */
public record JobInfo(JobId id, Optional<String> name, JobStatus status, Optional<String> reason, String prompt,
                      Path repo, String base, String baseCommit, String branch, Path workspace,
                      JobSettings settings, Instant createdAt, Instant updatedAt, Usage usage,
                      List<StepInfo> steps, int run, Optional<String> message, List<PastStep> history,
                      Optional<Integer> sentBackAfter) {
    public JobInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(baseCommit, "baseCommit");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(usage, "usage");
        steps = List.copyOf(steps);
        if (run < 1) {
            throw new IllegalArgumentException("run must be >= 1");
        }
        Objects.requireNonNull(message, "message");
        history = List.copyOf(history);
        Objects.requireNonNull(sentBackAfter, "sentBackAfter");
    }

    /** A job that no person sent back to work. */
    public JobInfo(JobId id, Optional<String> name, JobStatus status, Optional<String> reason, String prompt,
                   Path repo, String base, String baseCommit, String branch, Path workspace,
                   JobSettings settings, Instant createdAt, Instant updatedAt, Usage usage,
                   List<StepInfo> steps, int run, Optional<String> message, List<PastStep> history) {
        this(id, name, status, reason, prompt, repo, base, baseCommit, branch, workspace, settings, createdAt,
                updatedAt, usage, steps, run, message, history, Optional.empty());
    }

    /** A new job in {@code DRAFT}: run 1, no steps, no history. */
    public static JobInfo draft(JobId id, Optional<String> name, String prompt, Path repo, String base,
                                String baseCommit, String branch, Path workspace, JobSettings settings, Instant at) {
        return new JobInfo(id, name, JobStatus.DRAFT, Optional.empty(), prompt, repo, base, baseCommit, branch,
                workspace, settings, at, at, Usage.NONE, List.of(), 1, Optional.empty(), List.of(), Optional.empty());
    }

    /** The last step, if any. */
    public Optional<StepInfo> lastStep() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    public JobInfo withStatus(JobStatus newStatus, Optional<String> newReason, Instant at) {
        return new JobInfo(id, name, newStatus, newReason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, usage, steps, run, message, history, sentBackAfter);
    }

    /** The job with a person's message for the next worker step, or without one. */
    public JobInfo withMessage(Optional<String> newMessage, Instant at) {
        return new JobInfo(id, name, status, reason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, usage, steps, run, newMessage, history, sentBackAfter);
    }

    /** The job sent back to work by a person after step {@code afterStep}, or not sent back. */
    public JobInfo withSentBackAfter(Optional<Integer> afterStep, Instant at) {
        return new JobInfo(id, name, status, reason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, usage, steps, run, message, history, afterStep);
    }

    /**
     * The job with its steps from {@code fromStep} on moved to the history, marked {@code by}; with
     * {@code newRun} the current history starts over as that run. A send-back after a moved step goes with it.
     */
    public JobInfo withStepsSuperseded(int fromStep, String by, int newRun, Instant at) {
        List<PastStep> moved = new ArrayList<>(history);
        List<StepInfo> kept = new ArrayList<>();
        for (StepInfo step : steps) {
            if (step.n() >= fromStep) {
                moved.add(new PastStep(run, by, step));
            } else {
                kept.add(step);
            }
        }
        Usage total = kept.stream().map(StepInfo::usage).reduce(Usage.NONE, Usage::plus);
        return new JobInfo(id, name, status, reason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, total, kept, newRun, message, moved, sentBackAfter.filter(n -> n < fromStep));
    }

    /** The job with step {@code step.n()} added or replaced, and usage recomputed from all steps. */
    public JobInfo withStep(StepInfo step, Instant at) {
        List<StepInfo> updated = new ArrayList<>(steps);
        if (step.n() <= updated.size()) {
            updated.set(step.n() - 1, step);
        } else if (step.n() == updated.size() + 1) {
            updated.add(step);
        } else {
            throw new IllegalArgumentException("step " + step.n() + " does not follow step " + updated.size());
        }
        Usage total = updated.stream().map(StepInfo::usage).reduce(Usage.NONE, Usage::plus);
        return new JobInfo(id, name, status, reason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, total, updated, run, message, history, sentBackAfter);
    }
}
