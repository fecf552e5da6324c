package io.logist.event;

import io.logist.JobId;
import java.time.Instant;

/** The job was created in {@code DRAFT} or {@code PENDING}. */
public record JobCreated(long seq, Instant ts, JobId id) implements JobEvent {
    @Override
    public String type() {
        return "job.created";
    }
}
