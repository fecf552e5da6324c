package io.logist;

/** The job store could not read or write; the message names the job and the file or record. */
public class StoreException extends LogistException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
