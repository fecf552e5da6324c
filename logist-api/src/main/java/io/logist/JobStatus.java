package io.logist;

/** The state of a job (SPEC section 2). */
public enum JobStatus {
    DRAFT, PENDING, RUNNING, APPROVAL_REQUIRED, INTERVENTION_REQUIRED, SUSPENDED,
    SUCCESS, FAILED, CANCELED;

    /** Whether the state never changes again except by {@code rerun}. */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAILED || this == CANCELED;
    }
}
