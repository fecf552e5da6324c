package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.StepInfo;
import io.logist.spi.JobStore;
import java.util.List;

/** The logs of a job's steps, named by {@link io.logist.core.internal.store.StepLogNames}. */
final class StepLogs {
    private final JobStore store;

    StepLogs(JobStore store) {
        this.store = store;
    }

    /** The lines of step {@code n}'s log. @throws BadInputException when the job has no such step */
    List<String> lines(JobId id, int n) {
        JobInfo job = JobCommands.load(store, id);
        StepInfo step = job.steps().stream().filter(s -> s.n() == n).findFirst().orElseThrow(() ->
                new BadInputException("job " + id + " has no step " + n + ": "
                        + (job.steps().isEmpty() ? "it has no steps yet" : "its steps are 1.." + job.steps().size())));
        return store.readLog(id, step.log().toString());
    }
}
