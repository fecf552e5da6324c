package io.logist;

import java.util.List;

/** An action that the job's current state does not allow. Nothing was changed. */
public class InvalidTransitionException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final JobStatus current;
    private final List<String> allowed;

    public InvalidTransitionException(JobId id, JobStatus current, String action, List<String> allowed) {
        super("cannot " + action + " job " + id + ": it is " + current
                + (allowed.isEmpty() ? "" : "; allowed from " + current + ": " + String.join(", ", allowed)));
        this.current = current;
        this.allowed = List.copyOf(allowed);
    }

    public JobStatus current() {
        return current;
    }

    /** The actions the current state allows, such as {@code run} or {@code cancel}. */
    public List<String> allowed() {
        return allowed;
    }
}
