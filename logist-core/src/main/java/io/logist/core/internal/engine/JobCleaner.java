package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.Cleanup;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clean}: removes finished jobs, their workspaces and records. A job that is not finished is never touched,
 * and the job branch in the source repository stays: it is the user's result.
 */
final class JobCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(JobCleaner.class);

    private final JobStore store;
    private final GitWorkspaces workspaces;
    private final Clock clock;

    JobCleaner(JobStore store, GitWorkspaces workspaces, Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** @return one line per removed job */
    List<String> clean(Cleanup what) {
        if (what instanceof Cleanup.Job one) {
            return List.of(remove(one.id()));
        }
        if (what instanceof Cleanup.Finished finished) {
            if (finished.olderThan().isNegative()) {
                throw new BadInputException("the age of jobs to clean must not be negative, was "
                        + finished.olderThan() + ": give --older-than such as 7d or 0s");
            }
            return removeFinishedBefore(clock.instant().minus(finished.olderThan()));
        }
        // Cleanup.Orphans: what dead processes left behind belongs to crash recovery, which is not built yet.
        throw new UnsupportedOperationException("clean orphans");
    }

    private List<String> removeFinishedBefore(Instant cutoff) {
        List<String> removed = new ArrayList<>();
        for (JobInfo job : store.list()) {
            if (job.status().isTerminal() && job.updatedAt().isBefore(cutoff)) {
                try {
                    removed.add(remove(job.id()));
                } catch (JobLockedException | InvalidTransitionException e) {
                    // Taken up again since it was listed (rerun, restep): no longer a finished job to remove.
                    LOG.info("not removing job {}: {}", job.id(), e.getMessage());
                }
            }
        }
        return removed;
    }

    private String remove(JobId id) {
        requireFinished(JobCommands.load(store, id));
        try (JobLock ignored = store.lock(id, "clean")) {
            JobInfo job = JobCommands.load(store, id);
            requireFinished(job);
            workspaces.remove(job.workspace());
            store.delete(id);
            return "removed job " + id + " (" + job.status() + " since " + job.updatedAt() + "): its workspace and"
                    + " record; its branch " + job.branch() + " stays in " + job.repo();
        }
    }

    private static void requireFinished(JobInfo job) {
        if (!job.status().isTerminal()) {
            throw new InvalidTransitionException(job.id(), job.status(), "clean",
                    JobStateMachine.allowedCommands(job.status()));
        }
    }
}
