package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The job's limits while one step runs: the crossing that stops the step, and the warning at 80 percent of each
 * limit, once per job. A limit already at 80 percent when the step started was warned about by the step that
 * got it there, so the warnings need no memory beyond the job's own figures.
 */
final class LimitWatch {
    private final JobInfo job;
    private final Set<String> warned = new HashSet<>();

    /**
     * @param job the job with the running step as its last, before the step used anything
     * @param now when the step started
     */
    LimitWatch(JobInfo job, Instant now) {
        this.job = job;
        Budget.nearing(job.settings().limits(), job.usage(), Budget.wallTime(job, now), job.steps().size() - 1)
                .forEach(w -> warned.add(w.limit()));
    }

    /** The warnings newly due now that the step used {@code stepUsage}. */
    List<Budget.Warning> warnings(Usage stepUsage, Instant now) {
        List<Budget.Warning> due = new ArrayList<>();
        for (Budget.Warning warning : Budget.nearing(job.settings().limits(), job.usage().plus(stepUsage),
                Budget.wallTime(job, now), job.steps().size())) {
            if (warned.add(warning.limit())) {
                due.add(warning);
            }
        }
        return due;
    }

    /** Why the step must stop now that it used {@code stepUsage}, if it must. */
    Optional<String> exceeded(Usage stepUsage, Instant now) {
        return Budget.exceededDuring(job, stepUsage, now);
    }
}
