package io.logist;

import java.time.Duration;
import java.util.Objects;

/** What {@link Logist#clean} removes. It never touches a job that is not finished. */
public sealed interface Cleanup {

    /** One finished job: its workspace and its record. */
    record Job(JobId id) implements Cleanup {
        public Job {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Every finished job last updated longer ago than {@code olderThan}. */
    record Finished(Duration olderThan) implements Cleanup {
        public Finished {
            Objects.requireNonNull(olderThan, "olderThan");
        }
    }

    /** Workspaces, step directories and processes left by jobs that no longer exist. */
    record Orphans() implements Cleanup {
    }
}
