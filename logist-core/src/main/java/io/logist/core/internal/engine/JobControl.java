package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.JobLockedException.LockOwner;
import io.logist.JobStatus;
import io.logist.LogistException;
import io.logist.StepInfo;
import io.logist.Durations;
import io.logist.event.MessageGiven;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import io.logist.spi.OwnerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A person's decisions about a job (SPEC section 2): cancel, suspend, resume, approve, reject and resubmit.
 * Cancel and suspend also reach a job that another process runs: they ask that owner to stop its step and wait
 * until it has. Reject and resubmit send the job back to work, with a message for the next worker step.
 */
final class JobControl {
    /** How long cancel and suspend wait for another process to stop the job. */
    static final Duration OWNER_TIMEOUT = Duration.ofSeconds(30);
    /** As often as the owner looks for requests (StepExecutor), so that a wait ends within a poll. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final JobStore store;
    private final Clock clock;
    private final Duration ownerTimeout;

    JobControl(JobStore store, Clock clock) {
        this(store, clock, OWNER_TIMEOUT);
    }

    JobControl(JobStore store, Clock clock, Duration ownerTimeout) {
        this.store = store;
        this.clock = clock;
        this.ownerTimeout = ownerTimeout;
    }

    JobInfo cancel(JobId id) {
        return stop(id, JobAction.CANCEL, OwnerRequest.CANCEL, JobStatus.CANCELED);
    }

    JobInfo suspend(JobId id) {
        return stop(id, JobAction.SUSPEND, OwnerRequest.SUSPEND, JobStatus.SUSPENDED);
    }

    /**
     * A suspended job goes back to {@code PENDING}. A step that the suspension interrupted runs again; a job
     * suspended while it rested rests there again on its next run, because resuming decides nothing for it.
     */
    JobInfo resume(JobId id) {
        return JobCommands.change(store, clock, id, JobAction.RESUME,
                (journal, job) -> journal.transition(job, JobAction.RESUME, Optional.empty()));
    }

    JobInfo approve(JobId id) {
        return JobCommands.change(store, clock, id, JobAction.APPROVE,
                (journal, job) -> journal.transition(job, JobAction.APPROVE, Optional.empty()));
    }

    JobInfo reject(JobId id, String message) {
        String text = requireText(message, "reject needs a message that says what to change: --message TEXT");
        return JobCommands.change(store, clock, id, JobAction.REJECT,
                (journal, job) -> sendBack(journal, job, JobAction.REJECT, Optional.of(text)));
    }

    JobInfo resubmit(JobId id, Optional<String> message) {
        Optional<String> text = message.map(m ->
                requireText(m, "the message is empty: give its text after --message, or leave --message out"));
        return JobCommands.change(store, clock, id, JobAction.RESUBMIT,
                (journal, job) -> sendBack(journal, job, JobAction.RESUBMIT, text));
    }

    private static String requireText(String message, String problem) {
        if (message == null || message.isBlank()) {
            throw new BadInputException(problem);
        }
        return message.strip();
    }

    /** Back to work after the last step, whatever it said; the message is for the next worker step. */
    private static JobInfo sendBack(JobJournal journal, JobInfo job, JobAction action, Optional<String> message) {
        JobInfo updated = job.withSentBackAfter(job.lastStep().map(StepInfo::n), journal.now());
        if (message.isPresent()) {
            updated = journal.save(updated.withMessage(message, journal.now()));
            journal.emit((seq, ts) -> new MessageGiven(seq, ts, action.command(), message.get()));
        }
        return journal.transition(updated, action, Optional.empty());
    }

    /**
     * Applies {@code action} directly when the job's lock is free (also when its owner died mid-step); otherwise
     * asks the owner with {@code request} and waits until the job is {@code target}.
     */
    private JobInfo stop(JobId id, JobAction action, OwnerRequest request, JobStatus target) {
        long deadline = System.nanoTime() + ownerTimeout.toNanos();
        boolean asked = false;
        while (true) {
            try (JobLock ignored = store.lock(id, action.command())) {
                if (asked) {
                    // The owner let go without taking the request; it must not reach the job's next owner.
                    store.takeRequest(id);
                }
                JobInfo job = JobCommands.load(store, id);
                if (asked && job.status() == target) {
                    return job;
                }
                return new JobJournal(store, id, List.of(), clock).transition(job, action, Optional.empty());
            } catch (JobLockedException locked) {
                JobInfo job = JobCommands.load(store, id);
                if (asked && job.status() == target) {
                    return job;
                }
                if (!asked) {
                    JobStateMachine.require(id, job.status(), action);
                    store.postRequest(id, request);
                    asked = true;
                } else if (System.nanoTime() - deadline > 0) {
                    throw notAnswered(id, locked.owner(), action);
                }
                pause(id, action);
            }
        }
    }

    private LogistException notAnswered(JobId id, LockOwner owner, JobAction action) {
        return new LogistException("job " + id + " was not " + action.command() + "ed: its owner, pid " + owner.pid()
                + " on host " + owner.host() + " (" + owner.purpose() + " since " + owner.since()
                + "), did not answer within " + Durations.format(ownerTimeout) + "; the request stays posted for it."
                + " Check that process: if it hangs, stop it (kill " + owner.pid() + " on " + owner.host()
                + ") and " + action.command() + " the job again, which then applies at once");
    }

    private static void pause(JobId id, JobAction action) {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogistException("interrupted while waiting for the owner of job " + id + " to "
                    + action.command() + " it; the request stays posted", e);
        }
    }
}
