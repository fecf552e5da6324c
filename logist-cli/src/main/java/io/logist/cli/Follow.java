package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.Logist;
import java.util.function.Consumer;

/**
 * {@code --follow} of {@code job logs} and {@code job events}: reads the job again and again, through the
 * library only, until it rests. The job is read before each pass, so the pass after which the job was seen
 * resting has printed everything there is.
 */
final class Follow {
    /** How often a followed job is read: often enough to feel live, rarely enough to cost nothing. */
    static final long INTERVAL_MILLIS = 200;

    private Follow() {
    }

    /** Passes until the job rests when {@code follow}, else one pass with the job as it is now. */
    static void passes(boolean follow, Logist logist, JobId id, Consumer<JobInfo> pass) {
        if (follow) {
            untilRest(logist, id, pass);
        } else {
            pass.accept(logist.status(id));
        }
    }

    /** Passes until one that began with the job not {@code RUNNING}; an interrupt ends it early. */
    private static void untilRest(Logist logist, JobId id, Consumer<JobInfo> pass) {
        while (true) {
            JobInfo job = logist.status(id);
            pass.accept(job);
            if (job.status() != JobStatus.RUNNING) {
                return;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
