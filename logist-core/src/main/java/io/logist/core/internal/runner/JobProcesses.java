package io.logist.core.internal.runner;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.RunnerException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes the host runner started for the jobs of one Logist home, found by the variables it puts into
 * every command's environment ({@code LOGIST_HOME} and {@code LOGIST_JOB}, read from
 * {@code /proc/<pid>/environ}). They are found this way after the process that started them died, when no
 * handle leads to them any more: crash recovery stops what an interrupted step left running, and the orphan
 * sweep stops the processes of jobs that no longer exist. Children inherit the variables, so a command's
 * whole tree is found unless one of them cleared its environment.
 */
public final class JobProcesses {
    private static final int KILL_ATTEMPTS = 100;
    private static final long PAUSE_MILLIS = 20;

    private final ProcFs proc;
    private final String home;

    /** The processes of the jobs of {@code home}, looked up in {@code proc}. */
    public JobProcesses(ProcFs proc, Path home) {
        this.proc = Objects.requireNonNull(proc, "proc");
        this.home = home.toAbsolutePath().normalize().toString();
    }

    /** A running process of a job, with the job's id. */
    public record JobProcess(JobId job, ProcStat stat) {
    }

    /** Every running process of a job of this home, except this JVM; none where there is no {@code /proc}. */
    public List<JobProcess> all() {
        if (!proc.available()) {
            return List.of();
        }
        long self = ProcessHandle.current().pid();
        List<JobProcess> found = new ArrayList<>();
        for (ProcStat stat : proc.running()) {
            if (stat.pid() == self) {
                continue;
            }
            Map<String, String> environment = proc.environment(stat.pid());
            if (home.equals(environment.get(HostRunner.HOME_VARIABLE))) {
                jobId(environment.get(HostRunner.JOB_VARIABLE)).ifPresent(id -> found.add(new JobProcess(id, stat)));
            }
        }
        return found;
    }

    /** The running processes of job {@code id}. */
    public List<ProcStat> of(JobId id) {
        return all().stream().filter(process -> process.job().equals(id)).map(JobProcess::stat).toList();
    }

    /**
     * Kills the processes of job {@code id} with SIGKILL, again and again until none is left: one may fork while
     * its siblings die. Nobody waits for their output any more, so nothing is gained by asking them politely.
     *
     * @return the processes killed
     * @throws RunnerException when some survive every attempt; the message names them
     */
    public List<ProcStat> kill(JobId id) {
        List<ProcStat> killed = new ArrayList<>();
        for (int attempt = 0; attempt < KILL_ATTEMPTS; attempt++) {
            List<ProcStat> left = of(id);
            if (left.isEmpty()) {
                return killed;
            }
            for (ProcStat stat : left) {
                ProcessHandle.of(stat.pid()).ifPresent(ProcessHandle::destroyForcibly);
                if (killed.stream().noneMatch(seen -> seen.pid() == stat.pid())) {
                    killed.add(stat);
                }
            }
            pause();
        }
        throw new RunnerException("host runner: processes " + of(id).stream().map(ProcStat::pid).toList()
                + " of job " + id + " are still running after " + KILL_ATTEMPTS + " SIGKILLs; check them with"
                + " 'ps -o pid,stat,cmd -p PID' and kill them by hand");
    }

    private static Optional<JobId> jobId(String value) {
        try {
            return Optional.ofNullable(value).map(JobId::of);
        } catch (BadInputException e) {
            return Optional.empty();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
