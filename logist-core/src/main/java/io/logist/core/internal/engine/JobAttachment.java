package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.JobResult;
import io.logist.JobStatus;
import io.logist.LogistException;
import io.logist.StepInfo;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.StateChanged;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import io.logist.spi.Observer;
import io.logist.spi.OutputChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code attach}: follows a job that runs in another process through the store alone, so it works for any
 * runner and from any process that sees the store. Every event is passed on (the earlier ones first, so the
 * observer knows the whole job), then new ones as they are stored; the output of the step running at attach
 * time, from its first line, and of every later step is read from the step logs. Returns once the job is no
 * longer {@code RUNNING} and the event telling so was passed on.
 */
final class JobAttachment {
    private static final Duration POLL = Duration.ofMillis(100);
    /**
     * After this long without news, whether the owner still lives is checked by taking the lock for a moment:
     * a job left RUNNING by a dead process would otherwise be followed forever.
     */
    private static final Duration QUIET = Duration.ofSeconds(5);
    /** Lines Logist itself writes into step logs, not the agent's output. */
    private static final String LOGIST_LINE = "# logist";
    private static final String STDERR_PREFIX = "[stderr] ";

    private final JobStore store;
    private final Clock clock;

    JobAttachment(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    JobResult follow(JobId id, Observer observer) {
        long seenSeq = 0;
        Optional<JobStatus> told = Optional.empty();
        Map<Integer, Integer> seenLines = new HashMap<>();
        JobInfo job = JobCommands.load(store, id);
        int firstStep = job.lastStep().filter(step -> step.outcome().isEmpty()).map(StepInfo::n)
                .orElse(job.steps().size() + 1);
        Instant lastNews = clock.instant();
        while (true) {
            boolean news = false;
            for (JobEvent event : store.events(id)) {
                if (event.seq() > seenSeq) {
                    seenSeq = event.seq();
                    news = true;
                    Optional<JobStatus> said = statusTold(event);
                    if (said.isPresent()) {
                        told = said;
                    }
                    JobJournal.notifySafely(observer, () -> observer.onEvent(id, event));
                }
            }
            job = JobCommands.load(store, id);
            for (StepInfo step : job.steps()) {
                if (step.n() >= firstStep) {
                    news |= passOutput(id, step, seenLines, observer);
                }
            }
            Instant now = clock.instant();
            if (news) {
                lastNews = now;
            }
            boolean quiet = Duration.between(lastNews, now).compareTo(QUIET) >= 0;
            if (job.status() != JobStatus.RUNNING) {
                // The manifest is saved before the event that tells of the change: the observer gets that event
                // too, unless its writer died in between and it never comes.
                if (told.equals(Optional.of(job.status())) || quiet) {
                    return JobResult.of(job);
                }
            } else if (quiet) {
                requireLiveOwner(id);
                lastNews = now;
            }
            pause();
        }
    }

    /** The state the event says the job is in, when it says one. */
    private static Optional<JobStatus> statusTold(JobEvent event) {
        if (event instanceof StateChanged changed) {
            return Optional.of(changed.to());
        }
        return event instanceof JobCreated created ? Optional.of(created.job().status()) : Optional.empty();
    }

    /** Passes the step's log lines not passed yet; whether there were any. */
    private boolean passOutput(JobId id, StepInfo step, Map<Integer, Integer> seenLines, Observer observer) {
        List<String> lines = store.readLog(id, step.log().toString());
        int seen = seenLines.getOrDefault(step.n(), 0);
        if (lines.size() <= seen) {
            return false;
        }
        for (String line : lines.subList(seen, lines.size())) {
            if (line.startsWith(LOGIST_LINE)) {
                continue;
            }
            boolean stderr = line.startsWith(STDERR_PREFIX);
            OutputChannel channel = stderr ? OutputChannel.STDERR : OutputChannel.STDOUT;
            String text = stderr ? line.substring(STDERR_PREFIX.length()) : line;
            JobJournal.notifySafely(observer, () -> observer.onOutput(id, step.n(), channel, text));
        }
        seenLines.put(step.n(), lines.size());
        return true;
    }

    /** A job nobody owns any more stays RUNNING until it is recovered: following it would never end. */
    private void requireLiveOwner(JobId id) {
        try (JobLock ignored = store.lock(id, "attach")) {
            if (JobCommands.load(store, id).status() == JobStatus.RUNNING) {
                throw new LogistException("job " + id + " is RUNNING but the process that ran it died: run"
                        + " `logist job recover " + id + "` (or Logist.recover), then run it again");
            }
        } catch (JobLockedException owned) {
            // The owner lives.
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogistException("interrupted while following the job", e);
        }
    }
}
