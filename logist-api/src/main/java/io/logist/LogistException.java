package io.logist;

/**
 * The root of every exception Logist throws. Subtypes group failures by what the caller can do:
 * {@link BadInputException} (fix the input), {@link JobLockedException} (wait or pick another job),
 * {@link PluginException}, {@link RunnerException} and {@link StoreException} (look at the cause).
 */
public class LogistException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LogistException(String message) {
        super(message);
    }

    public LogistException(String message, Throwable cause) {
        super(message, cause);
    }
}
