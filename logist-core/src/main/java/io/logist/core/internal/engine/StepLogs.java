package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.PastStep;
import io.logist.StepInfo;
import io.logist.spi.JobStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The logs of a job's steps: {@code logs/<n>-<role>.log}. A step number that {@code restep} or {@code rerun}
 * used again gets a log of its own ({@code logs/2-worker.2.log}), because the superseded step keeps its log and a
 * store can only append to one.
 */
final class StepLogs {
    private final JobStore store;

    StepLogs(JobStore store) {
        this.store = store;
    }

    /** The log name of a new step {@code n} of {@code role}, relative to the job directory. */
    static Path name(JobInfo job, int n, String role) {
        Set<Path> taken = job.history().stream().map(PastStep::step).map(StepInfo::log).collect(Collectors.toSet());
        Path name = Path.of("logs", n + "-" + role + ".log");
        for (int attempt = 2; taken.contains(name); attempt++) {
            name = Path.of("logs", n + "-" + role + "." + attempt + ".log");
        }
        return name;
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
