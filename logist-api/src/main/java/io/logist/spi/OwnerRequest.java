package io.logist.spi;

/** What another process asks of the process that owns a job (see {@link JobStore#postRequest}). */
public enum OwnerRequest {
    /** Stop the running step and cancel the job. */
    CANCEL,
    /** Stop the running step and suspend the job. */
    SUSPEND
}
