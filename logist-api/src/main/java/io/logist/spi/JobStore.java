package io.logist.spi;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.event.JobEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs, their events and their logs persist. Implementations are thread-safe and pass
 * {@code JobStoreContractKit} from {@code logist-testkit}. Failures throw {@link io.logist.StoreException}
 * naming the job and what could not be read or written.
 */
public interface JobStore extends AutoCloseable {

    /**
     * Stores a new job.
     *
     * @throws io.logist.BadInputException when a job with that id exists
     */
    void create(JobInfo job);

    /** The job's manifest, when the job exists. */
    Optional<JobInfo> load(JobId id);

    /** Every job, oldest first. */
    List<JobInfo> list();

    /**
     * Replaces the manifest of an existing job atomically: a reader sees the old or the new one, never a
     * mix, and a crash leaves one of them.
     */
    void save(JobInfo job);

    /**
     * Appends an event; its {@link JobEvent#seq()} must be one more than the last one's (1 for the first).
     *
     * @throws io.logist.StoreException when the sequence number does not follow
     */
    void append(JobId id, JobEvent event);

    /** The job's events in order; a half-written last event left by a crash is skipped. */
    List<JobEvent> events(JobId id);

    /** Opens a log of the job for appending, creating it when needed. {@code name} is relative. */
    StepLog openLog(JobId id, String name);

    /** The lines of a log; empty when the log does not exist. */
    List<String> readLog(JobId id, String name);

    /**
     * Makes this process the job's only owner until the lock is closed.
     *
     * @param purpose what the owner is about to do, shown to a process that is refused
     * @throws io.logist.JobLockedException when another owner holds it
     */
    JobLock lock(JobId id, String purpose);

    /** A local directory that belongs to the job, for its workspace and step files. */
    Path directory(JobId id);

    /** Removes the job, its events, logs and directory. The caller holds the job's lock. */
    void delete(JobId id);

    /**
     * Leaves a request for the process that owns the job, which checks for one while a step runs and between
     * steps. A later request replaces an earlier one that was not taken yet.
     */
    void postRequest(JobId id, OwnerRequest request);

    /** The pending request for the job's owner, removed as it is taken. */
    Optional<OwnerRequest> takeRequest(JobId id);

    @Override
    default void close() {
    }
}
