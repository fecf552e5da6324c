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
 * @param steps      the steps of the current run, in order
 */
public record JobInfo(JobId id, Optional<String> name, JobStatus status, Optional<String> reason, String prompt,
                      Path repo, String base, String baseCommit, String branch, Path workspace,
                      JobSettings settings, Instant createdAt, Instant updatedAt, Usage usage,
                      List<StepInfo> steps) {
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
    }

    /** The last step, if any. */
    public Optional<StepInfo> lastStep() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    public JobInfo withStatus(JobStatus newStatus, Optional<String> newReason, Instant at) {
        return new JobInfo(id, name, newStatus, newReason, prompt, repo, base, baseCommit, branch, workspace,
                settings, createdAt, at, usage, steps);
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
                settings, createdAt, at, total, updated);
    }
}
