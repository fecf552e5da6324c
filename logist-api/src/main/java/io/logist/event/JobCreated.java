package io.logist.event;

import io.logist.JobInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * The job was created in {@code DRAFT}. Carries the job's first manifest, so that the manifest can be rebuilt
 * from the events alone when {@code job.json} is lost or corrupt.
 *
 * @param job the manifest as it was created
 */
public record JobCreated(long seq, Instant ts, JobInfo job) implements JobEvent {
    public JobCreated {
        Objects.requireNonNull(job, "job");
    }

    @Override
    public String type() {
        return "job.created";
    }
}
