package io.logist.core.internal.workspace;

import io.logist.LogistException;

/** A git command on a job's workspace or source repository failed; the message names the command and git's reason. */
public final class WorkspaceException extends LogistException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
