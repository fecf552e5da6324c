package io.logist;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@code run} or {@code step} call left the job.
 *
 * @param id     the job
 * @param status the state it rests in
 * @param reason why, for states that need one
 * @param steps  how many steps the job has now
 * @param usage  what all its steps used
 */
public record JobResult(JobId id, JobStatus status, Optional<String> reason, int steps, Usage usage) {
    public JobResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(usage, "usage");
    }

    public static JobResult of(JobInfo job) {
        return new JobResult(job.id(), job.status(), job.reason(), job.steps().size(), job.usage());
    }
}
