package io.logist;

/** No job with the given id exists in the store. */
public class JobNotFoundException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final JobId id;

    public JobNotFoundException(JobId id) {
        super("no job '" + id + "' in this Logist home: 'logist job list' shows the jobs there,"
                + " and --home or LOGIST_HOME selects another home");
        this.id = id;
    }

    public JobId id() {
        return id;
    }
}
