package io.logist.core.internal.runner;

import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.OutputSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command the host runner started with {@code setsid}: the process is the leader of its own session and
 * process group, so its pid is also the group id and the session id of everything it starts.
 */
final class HostExecution implements Execution {
    /**
     * How many times SIGKILL is sent, a poll interval apart, before what is left is reported as unkillable.
     * Counted rather than timed: it bounds how long the kernel may take, not a policy a caller chose.
     */
    private static final int KILL_ATTEMPTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(HostExecution.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final long pid;
    private final Map<String, String> handle;
    private final OutputPump output;
    private final HostTools tools;
    private final ProcFs proc;
    private final Ticker ticker;

    private HostExecution(Process process, Map<String, String> handle, OutputPump output, HostTools tools,
                          ProcFs proc, Ticker ticker) {
        this.process = process;
        this.pid = process.pid();
        this.handle = handle;
        this.output = output;
        this.tools = tools;
        this.proc = proc;
        this.ticker = ticker;
    }

    /**
     * Takes over a process just started with {@code setsid}: starts reading its output and feeds its stdin.
     *
     * @param stdin written and closed when present; when absent the pipe stays open and unwritten until the
     *              process exits (the JDK closes it then), like a terminal nobody answers
     */
    static HostExecution adopt(Process process, Optional<String> stdin, OutputSink sink, HostTools tools,
                               ProcFs proc, Ticker ticker, String host) {
        long pid = process.pid();
        String name = "logist-host-" + pid;
        OutputPump output = OutputPump.start(name, process.getInputStream(), process.getErrorStream(), sink, ticker);
        stdin.ifPresent(text -> feed(process.getOutputStream(), text, name + "-stdin"));
        Map<String, String> handle = new HashMap<>();
        handle.put("pid", Long.toString(pid));
        handle.put("pgid", Long.toString(pid));
        handle.put("host", host);
        // A process that already ended has no start time left to read; it cannot be re-attached anyway.
        proc.stat(pid).ifPresent(stat -> handle.put("startTime", Long.toString(stat.startTime())));
        return new HostExecution(process, Map.copyOf(handle), output, tools, proc, ticker);
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
     * {@code pid}, {@code pgid} (the same number: the process leads its group and session), {@code startTime}
     * (field 22 of {@code /proc/<pid>/stat}, clock ticks after boot, which tells a reused pid apart; missing
     * when the process had already ended) and {@code host} (where the pid is valid).
     */
    @Override
    public Map<String, String> handle() {
        return handle;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to exit and then for its last lines. Returns empty while the process runs, and
     * also when {@code timeout} passes while the lines it printed are still being delivered.
     */
    @Override
    public Optional<Integer> waitFor(Duration timeout) throws InterruptedException {
        long deadline = ticker.deadline(timeout);
        if (!process.waitFor(Math.min(timeout.toNanos(), Ticker.LONGEST.toNanos()), TimeUnit.NANOSECONDS)
                || !output.awaitDrained(deadline)) {
            return Optional.empty();
        }
        return Optional.of(process.exitValue());
    }

    /**
     * SIGTERM to the session, up to {@code grace} for it to exit, then SIGKILL until nothing is left. Also
     * sweeps an execution that already exited, since processes it left in the background live on in its
     * session. A process that started a session of its own is found only while its ancestors still lead to
     * this process (through {@link ProcessHandle#descendants()}); once re-parented it is out of reach.
     */
    @Override
    public synchronized void terminate(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
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

    private Remaining remaining(List<ProcessHandle> descendants) {
        TreeSet<Long> pids = new TreeSet<>();
        if (process.isAlive()) {
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
