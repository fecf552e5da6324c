package io.logist.event;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to a job. Events are persisted append-only; {@link #seq()} starts at 1 and
 * strictly increases per job.
 */
public sealed interface JobEvent permits JobCreated, StateChanged, StepStarted, PhaseChanged, ExecutionStarted,
        UsageReported, VerdictRejected, StepFinished, SignalRaised, LimitWarning, StepInterrupted, ExecutionReattached,
        StepsSuperseded, MessageGiven {

    /** The position in the job's event log, from 1. */
    long seq();

    /** When it happened. */
    Instant ts();

    /** The stable name written as {@code "type"} in {@code events.jsonl}, such as {@code step.started}. */
    String type();

    /** The step the event belongs to, for step events. */
    default Optional<Integer> step() {
        return Optional.empty();
    }
}
