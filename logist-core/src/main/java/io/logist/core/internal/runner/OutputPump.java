package io.logist.core.internal.runner;

import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a process's stdout and stderr on two daemon threads and hands every line to the sink as soon as its
 * newline arrives. Lines are split on {@code \n} only (a lone {@code \r}, as progress bars print, stays in the
 * line), a trailing {@code \r} is dropped, bytes that are not UTF-8 become U+FFFD, and a last line without
 * newline is delivered at end of stream.
 */
final class OutputPump {
    /**
     * How long the readers may stay silent after the process exited before {@link #awaitDrained} stops
     * waiting for their end of stream. A process the command left running in the background inherits the
     * pipes and keeps them open; without this bound, waiting for "every line" would last as long as that
     * process does, maybe forever. Only the waiting stops: the readers go on until the pipes close.
     */
    static final Duration DRAIN_SILENCE_LIMIT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);
    private static final Duration JOIN_SLICE = Duration.ofMillis(20);

    private final String name;
    private final OutputSink sink;
    private final Ticker ticker;
    private final List<Thread> readers;
    private final AtomicBoolean abandoned = new AtomicBoolean();
    private volatile long lastActivity;
    private boolean exitNoticed;

    private OutputPump(String name, InputStream stdout, InputStream stderr, OutputSink sink, Ticker ticker) {
        this.name = name;
        this.sink = sink;
        this.ticker = ticker;
        this.readers = List.of(reader(stdout, OutputChannel.STDOUT), reader(stderr, OutputChannel.STDERR));
    }

    /** Starts reading both streams; {@code name} names the threads and the log messages. */
    static OutputPump start(String name, InputStream stdout, InputStream stderr, OutputSink sink, Ticker ticker) {
        OutputPump pump = new OutputPump(name, stdout, stderr, sink, ticker);
        pump.readers.forEach(Thread::start);
        return pump;
    }

    /**
     * Waits, after the process exited, until both streams were read to their end.
     *
     * @param deadline the caller's deadline, a {@link Ticker} value
     * @return true when every line was delivered, or when the readers stayed silent for
     *         {@link #DRAIN_SILENCE_LIMIT} and are no longer waited for; false when {@code deadline} passed
     *         while lines were still coming
     */
    boolean awaitDrained(long deadline) throws InterruptedException {
        noticeExit();
        for (Thread reader : readers) {
            while (reader.isAlive()) {
                if (abandoned.get() || silentTooLong()) {
                    return true;
                }
                if (ticker.passed(deadline)) {
                    return false;
                }
                reader.join(JOIN_SLICE.toMillis());
            }
        }
        return true;
    }

    private synchronized void noticeExit() {
        if (!exitNoticed) {
            exitNoticed = true;
            lastActivity = ticker.nanos();
        }
    }

    private boolean silentTooLong() {
        if (ticker.nanos() - lastActivity < DRAIN_SILENCE_LIMIT.toNanos()) {
            return false;
        }
        if (abandoned.compareAndSet(false, true)) {
            LOG.warn("{}: the process exited but its output pipes are still held open, most likely by a process"
                    + " it left running in the background; not waiting any longer for the rest of its output",
                    name);
        }
        return true;
    }

    private Thread reader(InputStream stream, OutputChannel channel) {
        Thread thread = new Thread(() -> read(stream, channel), name + "-" + channel.name().toLowerCase(Locale.ROOT));
        // A background process holding the pipe open must not keep the JVM alive.
        thread.setDaemon(true);
        return thread;
    }

    private void read(InputStream stream, OutputChannel channel) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int count = stream.read(buffer); count != -1; count = stream.read(buffer)) {
                lastActivity = ticker.nanos();
                int start = 0;
                for (int i = 0; i < count; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        deliver(channel, line);
                        start = i + 1;
                    }
                }
                line.write(buffer, start, count - start);
            }
        } catch (IOException e) {
            LOG.debug("{}: reading {} stopped: {}", name, channel, e.toString());
        }
        if (line.size() > 0) {
            deliver(channel, line);
        }
    }

    private void deliver(OutputChannel channel, ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            sink.line(channel, new String(bytes, 0, length, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // A failing sink must not stop the reading: the process would block on a full pipe.
            LOG.warn("{}: the output sink failed on a {} line; the line is lost, reading goes on", name, channel, e);
        }
    }
}
