package io.logist.event;

import io.logist.JobStatus;
import java.time.Instant;
import java.util.Optional;

/** The job moved from one state to another. */
public record StateChanged(long seq, Instant ts, JobStatus from, JobStatus to, String action,
                           Optional<String> reason) implements JobEvent {
    @Override
    public String type() {
        return "job.state";
    }
}
