package io.logist;

/** A runner could not start, watch or stop an execution; the message names the runner. */
public class RunnerException extends LogistException {
    private static final long serialVersionUID = 1L;

    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
