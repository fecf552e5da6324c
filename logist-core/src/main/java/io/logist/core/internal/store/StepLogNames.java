package io.logist.core.internal.store;

import io.logist.JobInfo;
import io.logist.PastStep;
import io.logist.StepInfo;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The log names of steps: {@code logs/<n>-<role>.log}. A step number that {@code restep} or {@code rerun} used
 * again gets a log of its own ({@code logs/2-worker.2.log}), because the superseded step keeps its log and a store
 * can only append to one. The engine names a new step's log with it, and a manifest rebuilt from the events names
 * it the same way.
 */
public final class StepLogNames {
    private StepLogNames() {
    }

    /** The log name of a new step {@code n} of {@code role} of {@code job}, relative to the job directory. */
    public static Path of(JobInfo job, int n, String role) {
        Set<Path> taken = job.history().stream().map(PastStep::step).map(StepInfo::log).collect(Collectors.toSet());
        Path name = Path.of("logs", n + "-" + role + ".log");
        for (int attempt = 2; taken.contains(name); attempt++) {
            name = Path.of("logs", n + "-" + role + "." + attempt + ".log");
        }
        return name;
    }
}
