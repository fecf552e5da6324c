package io.logist;

import java.time.Instant;

/** Another process owns the job. The CLI exits with code 3. */
public class JobLockedException extends LogistException {
    private static final long serialVersionUID = 1L;

    private final transient LockOwner owner;

    public JobLockedException(JobId id, LockOwner owner) {
        super("job " + id + " is locked by pid " + owner.pid() + " on host " + owner.host() + " since "
                + owner.since() + " (" + owner.purpose() + "); wait for it to finish or cancel the job");
        this.owner = owner;
    }

    public LockOwner owner() {
        return owner;
    }

    /**
     * Who holds a job's lock.
     *
     * @param pid     the owning process
     * @param host    the owning host
     * @param since   when the lock was taken
     * @param purpose what the owner is doing, such as {@code run}
     */
    public record LockOwner(long pid, String host, Instant since, String purpose) {
    }
}
