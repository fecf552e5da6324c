package io.logist.core.internal.runner;

import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.OutputSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command the host runner started with {@code setsid}: the wrapper that runs it is the leader of its own
 * session and process group, so its pid is also the group id and the session id of everything it starts.
 * The execution is either a child of this JVM, or one that another (dead) process started and this one
 * found again from its {@link HostHandle}: then liveness comes from {@code /proc} and the exit code from the
 * file the wrapper writes.
 */
final class HostExecution implements Execution {
    /**
     * How many times SIGKILL is sent, a poll interval apart, before what is left is reported as unkillable.
     * Counted rather than timed: it bounds how long the kernel may take, not a policy a caller chose.
     */
    private static final int KILL_ATTEMPTS = 100;

    /** What a shell reports for a command killed by SIGKILL: the exit code of a wrapper that recorded none. */
    static final int KILLED_EXIT_CODE = 128 + 9;

    private static final Logger LOG = LoggerFactory.getLogger(HostExecution.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final HostHandle handle;
    private final Optional<Process> child;
    private final OutputFollower output;
    private final HostTools tools;
    private final ProcFs proc;
    private final Ticker ticker;
    private final long pid;

    private HostExecution(HostHandle handle, Optional<Process> child, OutputSink sink, HostTools tools,
                          ProcFs proc, Ticker ticker) {
        this.handle = handle;
        this.child = child;
        this.tools = tools;
        this.proc = proc;
        this.ticker = ticker;
        this.pid = handle.pid();
        this.output = OutputFollower.start("logist-host-" + pid, handle.files(), sink, () -> !isAlive());
    }

    /**
     * Takes over a process just started with {@code setsid}: starts following its output and feeds its stdin.
     *
     * @param stdin written and closed when present; when absent the pipe stays open and unwritten until the
     *              process exits (the JDK closes it then), like a terminal nobody answers
     */
    static HostExecution adopt(Process process, ExecutionFiles files, Optional<String> stdin, OutputSink sink,
                               HostTools tools, ProcFs proc, Ticker ticker, String host) {
        long pid = process.pid();
        stdin.ifPresent(text -> feed(process.getOutputStream(), text, "logist-host-" + pid + "-stdin"));
        // A process that already ended has no start time left to read; it cannot be re-attached anyway.
        Optional<Long> startTime = proc.stat(pid).map(ProcStat::startTime);
        return new HostExecution(new HostHandle(pid, startTime, host, files), Optional.of(process), sink, tools,
                proc, ticker);
    }

    /**
     * Finds an execution started by another process again: the same process still runs (its pid with the
     * start time recorded, and not a zombie), or it ended and left its exit code. Either way its whole output
     * is delivered to {@code sink} again, from the first line.
     *
     * @return empty when the execution ended without recording an exit code, or its pid now names another
     *         process
     */
    static Optional<Execution> reattach(HostHandle handle, OutputSink sink, HostTools tools, ProcFs proc,
                                        Ticker ticker) {
        if (!runs(handle, proc) && handle.files().exitCode().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HostExecution(handle, Optional.empty(), sink, tools, proc, ticker));
    }

    private static boolean runs(HostHandle handle, ProcFs proc) {
        return handle.startTime().flatMap(startTime -> proc.stat(handle.pid())
                .filter(stat -> stat.startTime() == startTime && !stat.isDead())).isPresent();
    }

    /** Writes on its own thread: a process that reads its input late must not block the caller of start. */
    private static void feed(OutputStream stdin, String text, String threadName) {
        Thread writer = new Thread(() -> {
            try (stdin) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.debug("{}: the process closed its input before reading all of it: {}", threadName, e.toString());
            }
        }, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * {@code pid}, {@code pgid} (the same number: the wrapper leads its group and session), {@code startTime}
     * (field 22 of {@code /proc/<pid>/stat}, clock ticks after boot, which tells a reused pid apart; missing
     * when the process had already ended), {@code host} (where the pid is valid), and the files
     * {@code stdout}, {@code stderr} and {@code exit}.
     */
    @Override
    public Map<String, String> handle() {
        return handle.toMap();
    }

    @Override
    public boolean isAlive() {
        return child.map(Process::isAlive).orElseGet(() -> runs(handle, proc));
    }

    /**
     * Waits for the process to exit and then for its last lines. Returns empty while the process runs, and
     * also when {@code timeout} passes while the lines it printed are still being delivered.
     */
    @Override
    public Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
        long deadline = ticker.deadline(timeout);
        if (child.isPresent()) {
            if (!child.get().waitFor(Math.min(timeout.toNanos(), Ticker.LONGEST.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } else {
            while (runs(handle, proc)) {
                if (ticker.passed(deadline)) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
            }
        }
        if (!output.awaitFinished(ticker, deadline)) {
            return Optional.empty();
        }
        return Optional.of(child.map(Process::exitValue).orElseGet(() ->
                handle.files().exitCode().orElse(KILLED_EXIT_CODE)));
    }

    /**
     * SIGTERM to the session, up to {@code grace} for it to exit, then SIGKILL until nothing is left. Also
     * sweeps an execution that already exited, since processes it left in the background live on in its
     * session. A process that started a session of its own is found only while its ancestors still lead to
     * the wrapper (through {@link ProcessHandle#descendants()}); once re-parented it is out of reach.
     */
    @Override
    public synchronized void terminate(Duration grace) {
        List<ProcessHandle> descendants = processHandle().map(h -> h.descendants().toList()).orElse(List.of());
        Remaining remaining = remaining(descendants);
        if (remaining.pids().isEmpty()) {
            return;
        }
        signal("TERM", remaining);
        long graceEnd = ticker.deadline(grace);
        while (!remaining.pids().isEmpty() && !ticker.passed(graceEnd)) {
            pause();
            remaining = remaining(descendants);
        }
        for (int attempt = 0; !remaining.pids().isEmpty(); attempt++) {
            if (attempt == KILL_ATTEMPTS) {
                throw new RunnerException("host runner: processes " + remaining.pids() + " of the execution with pid "
                        + pid + " are still running after " + KILL_ATTEMPTS + " SIGKILLs; they may be stuck in"
                        + " uninterruptible I/O. Check them with 'ps -o pid,stat,cmd -p " + joined(remaining.pids())
                        + "' and kill them by hand");
            }
            signal("KILL", remaining);
            pause();
            remaining = remaining(descendants);
        }
    }

    /**
     * What still runs of this execution.
     *
     * @param sessionRunning whether the process or anything in its session runs
     * @param pids           those processes, and the descendants that left the session
     */
    private record Remaining(boolean sessionRunning, List<Long> pids) {
    }

    /** The process, while it is still the one this execution started. */
    private Optional<ProcessHandle> processHandle() {
        return child.map(Process::toHandle).or(() -> runs(handle, proc) ? ProcessHandle.of(pid) : Optional.empty());
    }

    private Remaining remaining(List<ProcessHandle> descendants) {
        TreeSet<Long> pids = new TreeSet<>();
        if (isAlive()) {
            pids.add(pid);
        }
        proc.sessionMembers(pid).forEach(stat -> pids.add(stat.pid()));
        boolean sessionRunning = !pids.isEmpty();
        // ProcessHandle counts an ended process as alive until its parent collects it; /proc tells them apart.
        descendants.stream()
                .filter(handle -> handle.isAlive() && proc.stat(handle.pid()).filter(stat -> !stat.isDead()).isPresent())
                .forEach(handle -> pids.add(handle.pid()));
        return new Remaining(sessionRunning, List.copyOf(pids));
    }

    private void signal(String signal, Remaining remaining) {
        List<String> command = new ArrayList<>(List.of(tools.kill().toString(), "-s", signal, "--"));
        // While anything of the session runs, the kernel keeps its id from being reused, so signalling the
        // group id cannot hit a stranger. The group signal is atomic: it also reaches a child forked a moment
        // ago that no scan has seen yet.
        if (remaining.sessionRunning()) {
            command.add("-" + pid);
        }
        remaining.pids().forEach(member -> command.add(member.toString()));
        try {
            // kill fails for targets that are already gone; that is the goal, so its exit code is ignored.
            new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().onExit().join();
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot run " + tools.kill() + " to send SIG" + signal
                    + " to the execution with pid " + pid + ": " + e.getMessage(), e);
        }
    }

    private static String joined(List<Long> pids) {
        return pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Waits a poll interval; an interrupt is kept for the caller but must not cut a termination short. */
    private static void pause() {
        long end = System.nanoTime() + POLL.toNanos();
        boolean interrupted = false;
        for (long left = POLL.toNanos(); left > 0; left = end - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
