package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.LogistException;
import io.logist.StoreException;
import io.logist.core.internal.files.FileTrees;
import io.logist.core.internal.runner.JobProcesses;
import io.logist.spi.JobStore;
import io.logist.spi.RunnerProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code clean(new Cleanup.Orphans())}: removes what jobs that no longer exist left behind. Processes first
 * (found by the {@code LOGIST_HOME} and {@code LOGIST_JOB} the host runner gives every command): those of jobs
 * that do not exist, and those of jobs that run no step; then, on the same terms, what the other runners that
 * work here left (such as containers, found by their labels). Then directories under {@code <home>/jobs/} that
 * hold no job: no readable manifest and no events, such as a workspace left by a job whose record was
 * deleted, or a directory an interrupted {@code create} left. A directory younger than {@link #YOUNG} is left
 * alone, as a job may be being created in it.
 */
final class OrphanSweep {
    static final Duration YOUNG = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(OrphanSweep.class);

    private final JobStore store;
    private final JobProcesses processes;
    private final PluginInstances instances;
    private final Path jobs;
    private final Clock clock;

    OrphanSweep(JobStore store, JobProcesses processes, PluginInstances instances, Clock clock) {
        this.store = store;
        this.processes = processes;
        this.instances = instances;
        this.jobs = instances.home().resolve("jobs");
        this.clock = clock;
    }

    /** Cleans up; one line for each thing cleaned. */
    List<String> sweep() {
        List<String> cleaned = new ArrayList<>();
        processes.all().stream().map(JobProcesses.JobProcess::job).distinct().forEach(id ->
                why(id).ifPresent(why -> processes.kill(id).forEach(stat -> cleaned.add("killed process "
                        + stat.pid() + " (" + stat.command() + ") of job " + id + ": " + why))));
        for (RunnerProvider runner : instances.plugins().runners()) {
            // A runner that cannot work here has left nothing here either.
            if (Plugins.safeProbe("runner", runner.id(), runner::probe).available()) {
                cleaned.addAll(instances.runner(runner.id()).removeOrphans(this::why));
            }
        }
        for (Path dir : directories()) {
            // Young first: a directory being created is not read at all.
            jobId(dir).filter(id -> !isYoung(dir)).filter(this::isOrphan).ifPresent(id -> {
                delete(dir);
                cleaned.add("removed " + dir + ": no job " + id + " (no readable job.json, no events)");
            });
        }
        return List.copyOf(cleaned);
    }

    /** Why the processes of job {@code id} must go, when they must. */
    private Optional<String> why(JobId id) {
        Optional<JobInfo> job = load(id);
        if (job.isEmpty()) {
            return Optional.of("the job no longer exists");
        }
        JobStatus status = job.get().status();
        // A RUNNING job runs a step, in a live process or in one that died and awaits recovery, which
        // re-attaches to those very processes.
        return status == JobStatus.RUNNING ? Optional.empty()
                : Optional.of("the job is " + status + " and runs no step");
    }

    private boolean isOrphan(JobId id) {
        if (load(id).isPresent()) {
            return false;
        }
        try {
            return store.events(id).isEmpty();
        } catch (LogistException e) {
            return false;
        }
    }

    /** The job, or empty when it does not exist or its manifest cannot be read (then events decide). */
    private Optional<JobInfo> load(JobId id) {
        try {
            return store.load(id);
        } catch (StoreException e) {
            LOG.debug("job {} cannot be loaded: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    private List<Path> directories() {
        if (!Files.isDirectory(jobs)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(jobs, Files::isDirectory)) {
            dirs.forEach(found::add);
        } catch (IOException e) {
            throw new StoreException("cannot list the job directories in " + jobs + ": " + e, e);
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    private static Optional<JobId> jobId(Path dir) {
        try {
            return Optional.of(JobId.of(dir.getFileName().toString()));
        } catch (BadInputException e) {
            // Not a name Logist gives: not Logist's to remove.
            return Optional.empty();
        }
    }

    private boolean isYoung(Path dir) {
        try {
            Instant modified = Files.getLastModifiedTime(dir).toInstant();
            return modified.plus(YOUNG).isAfter(clock.instant());
        } catch (IOException e) {
            return true;
        }
    }

    private static void delete(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new StoreException("cannot remove the orphaned directory " + dir + ": " + e
                    + "; remove it by hand", e);
        }
    }
}
