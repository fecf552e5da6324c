package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.event.JobEvent;
import io.logist.event.StateChanged;
import io.logist.spi.AgentSignal;
import io.logist.spi.JobStore;
import io.logist.spi.Observer;
import io.logist.spi.OutputChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one job's manifest and events through the store and tells the observers, in that order, so that an
 * observer never sees an event the store does not have. Sequence numbers continue from the stored events.
 * Thread-safe: output readers report usage while the loop records phases.
 */
final class JobJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);

    private final JobStore store;
    private final JobId id;
    private final List<Observer> observers;
    private final Clock clock;
    private long lastSeq;

    JobJournal(JobStore store, JobId id, List<Observer> observers, Clock clock) {
        this.store = store;
        this.id = id;
        this.observers = List.copyOf(observers);
        this.clock = clock;
        List<JobEvent> events = store.events(id);
        this.lastSeq = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    Instant now() {
        return clock.instant();
    }

    /** Stores the manifest. */
    synchronized JobInfo save(JobInfo job) {
        store.save(job);
        return job;
    }

    /** Appends the event the factory builds from the next sequence number and the current time. */
    synchronized JobEvent emit(BiFunction<Long, Instant, JobEvent> factory) {
        JobEvent event = factory.apply(lastSeq + 1, now());
        store.append(id, event);
        lastSeq = event.seq();
        observers.forEach(o -> notifySafely(o, () -> o.onEvent(id, event)));
        return event;
    }

    /**
     * Moves the job with {@code action}, stores it and records the change.
     *
     * @throws io.logist.InvalidTransitionException when the job's state does not allow the action; nothing changes
     */
    JobInfo transition(JobInfo job, JobAction action, Optional<String> reason) {
        return transition(job, action, reason, action.command());
    }

    /**
     * As {@link #transition(JobInfo, JobAction, Optional)}, with the event naming {@code recordedAs} as the
     * action, for a change made on a person's behalf by something else, such as crash recovery.
     */
    JobInfo transition(JobInfo job, JobAction action, Optional<String> reason, String recordedAs) {
        JobStatus to = JobStateMachine.require(job.id(), job.status(), action);
        JobInfo updated = save(job.withStatus(to, reason, now()));
        emit((seq, ts) -> new StateChanged(seq, ts, job.status(), to, recordedAs, reason));
        return updated;
    }

    void output(int step, OutputChannel channel, String line) {
        observers.forEach(o -> notifySafely(o, () -> o.onOutput(id, step, channel, line)));
    }

    void signal(int step, AgentSignal signal) {
        observers.forEach(o -> notifySafely(o, () -> o.onSignal(id, step, signal)));
    }

    /** An observer's failure is logged and never reaches the state machine. */
    static void notifySafely(Observer observer, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("observer {} failed; the job goes on", observer.getClass().getName(), e);
        }
    }
}
