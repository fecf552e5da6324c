package io.logist.event;

import java.time.Instant;

/**
 * Steps from {@code fromStep} on, of run {@code run}, left the current history and stay in the job's history;
 * {@code by} is {@code restep} or {@code rerun}.
 */
public record StepsSuperseded(long seq, Instant ts, int run, int fromStep, String by) implements JobEvent {
    @Override
    public String type() {
        return "job.superseded";
    }
}
