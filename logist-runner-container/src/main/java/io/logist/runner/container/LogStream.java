package io.logist.runner.container;

import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code logs} client of a container and the two readers of its standard output and error, which the
 * client keeps apart as the container printed them.
 */
final class LogStream {
    private final Process client;
    private final LineReader stdout;
    private final LineReader stderr;
    private final List<Thread> threads;

    private LogStream(Process client, LineReader stdout, LineReader stderr, String name) {
        this.client = client;
        this.stdout = stdout;
        this.stderr = stderr;
        this.threads = List.of(thread(stdout, name + "-stdout"), thread(stderr, name + "-stderr"));
    }

    /**
     * Follows the container's log from its first line while it runs ({@code logs -f}). The engines may end a
     * follow a little early when the container exits, so its last line without newline is held back and
     * {@link #rest} reads the remainder.
     */
    static LogStream follow(EngineCli cli, String container, OutputSink sink) {
        return start(cli, List.of("logs", "--follow", container), sink, 0, 0, false, "follow");
    }

    /** Reads the whole log of a container that has ended, delivering only what {@code before} did not. */
    static LogStream rest(EngineCli cli, String container, OutputSink sink, LogStream before) {
        return start(cli, List.of("logs", container), sink, before.stdout.lines(), before.stderr.lines(), true,
                "rest");
    }

    private static LogStream start(EngineCli cli, List<String> args, OutputSink sink, long skipStdout,
                                   long skipStderr, boolean lastLineIsFinal, String what) {
        Process client = cli.spawn(args);
        LineReader stdout = new LineReader(OutputChannel.STDOUT, client.getInputStream(), sink, skipStdout,
                lastLineIsFinal);
        LineReader stderr = new LineReader(OutputChannel.STDERR, client.getErrorStream(), sink, skipStderr,
                lastLineIsFinal);
        LogStream stream = new LogStream(client, stdout, stderr,
                "logist-" + cli.engine().id() + "-logs-" + what + "-" + args.get(args.size() - 1));
        stream.threads.forEach(Thread::start);
        return stream;
    }

    private static Thread thread(LineReader reader, String name) {
        Thread thread = new Thread(reader, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Waits until the client exited and both readers delivered everything it printed, at most {@code timeout}.
     *
     * @return whether they did
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                return false;
            }
        }
        return client.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Whether the client ended with exit code 0; meaningful once {@link #awaitEnd} returned true. */
    boolean succeeded() {
        return !client.isAlive() && client.exitValue() == 0;
    }

    /**
     * Stops the client. Its pipes close, so the readers deliver what it had already printed and end; a
     * follow stopped this way is completed by {@link #rest}.
     */
    void stop() {
        client.destroyForcibly();
    }
}
