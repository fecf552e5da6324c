package io.logist.spi;

import io.logist.JobId;
import io.logist.JobLockedException.LockOwner;

/** Ownership of one job by this process, until closed. */
public interface JobLock extends AutoCloseable {
    JobId id();

    LockOwner owner();

    @Override
    void close();
}
