package io.logist.event;

import java.time.Instant;

/** A person gave a message for the next worker step, with {@code reject} or {@code resubmit}. */
public record MessageGiven(long seq, Instant ts, String action, String message) implements JobEvent {
    @Override
    public String type() {
        return "job.message";
    }
}
