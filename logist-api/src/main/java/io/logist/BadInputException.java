package io.logist;

/**
 * Input that Logist refuses: a bad argument, an unknown job, a refused state change. Nothing stored
 * was changed. The CLI exits with code 2.
 */
public class BadInputException extends LogistException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
