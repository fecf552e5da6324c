package io.logist.cli;

import io.logist.BadInputException;
import io.logist.JobLockedException;
import io.logist.JobStatus;

/** The exit codes of SPEC section 9, which scripts rely on. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int LOCKED = 3;
    static final int INTERVENTION_REQUIRED = 10;
    static final int APPROVAL_REQUIRED = 11;
    static final int SUSPENDED = 12;
    static final int CANCELED = 13;

    private ExitCodes() {
    }

    /** The exit code of {@code job run} or {@code job step} that left the job in {@code status}. */
    static int forStatus(JobStatus status) {
        return switch (status) {
            // PENDING after a single step means the step is done and the loop has more to do.
            case SUCCESS, PENDING, DRAFT, RUNNING -> OK;
            case INTERVENTION_REQUIRED -> INTERVENTION_REQUIRED;
            case APPROVAL_REQUIRED -> APPROVAL_REQUIRED;
            case SUSPENDED -> SUSPENDED;
            case CANCELED -> CANCELED;
            case FAILED -> FAILED;
        };
    }

    /** The exit code of a command that threw {@code failure}. */
    static int forException(Throwable failure) {
        if (failure instanceof BadInputException) {
            return USAGE;
        }
        if (failure instanceof JobLockedException) {
            return LOCKED;
        }
        return FAILED;
    }
}
