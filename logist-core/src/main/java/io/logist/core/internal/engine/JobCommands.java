package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobNotFoundException;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * How a person's command changes a job: under the job's lock, and only once the job's state allows it, so that a
 * refused command changes nothing.
 */
final class JobCommands {
    private JobCommands() {
    }

    /** The job's manifest. @throws JobNotFoundException when there is no such job */
    static JobInfo load(JobStore store, JobId id) {
        return store.load(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /**
     * Applies {@code change} to the job under its lock when its state allows {@code action}.
     *
     * @throws io.logist.InvalidTransitionException when the state does not allow it; checked before the lock is
     *                                              asked for, so that the refusal is about the state
     * @throws io.logist.JobLockedException         when another owner holds the job
     */
    static JobInfo change(JobStore store, Clock clock, JobId id, JobAction action,
                          BiFunction<JobJournal, JobInfo, JobInfo> change) {
        JobStateMachine.require(id, load(store, id).status(), action);
        try (JobLock ignored = store.lock(id, action.command())) {
            JobInfo job = load(store, id);
            JobStateMachine.require(id, job.status(), action);
            return change.apply(new JobJournal(store, id, List.of(), clock), job);
        }
    }
}
