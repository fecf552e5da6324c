package io.logist.core.internal.runner;

import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows an execution's output files from their first byte, like {@code tail -f}, on one daemon thread, and
 * hands every line to the sink as soon as its newline is in the file. The files are read again every
 * {@link #POLL} until the writer is gone; then the rest is read and a last line without newline is delivered.
 * Lines are split on {@code \n} only (a lone {@code \r}, as progress bars print, stays in the line), a
 * trailing {@code \r} is dropped, and bytes that are not UTF-8 become U+FFFD.
 *
 * <p>Files rather than pipes, because a pipe dies with the process that reads it: the agent would get
 * SIGPIPE when the orchestrating process dies, and nobody could read what it printed. A process left running
 * in the background by the command may write on after the command ended; that is not waited for.
 */
final class OutputFollower {
    static final Duration POLL = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(OutputFollower.class);
    private static final int CHUNK = 64 * 1024;

    private final String name;
    private final OutputSink sink;
    private final BooleanSupplier writerGone;
    private final CountDownLatch finished = new CountDownLatch(1);

    private OutputFollower(String name, OutputSink sink, BooleanSupplier writerGone) {
        this.name = name;
        this.sink = sink;
        this.writerGone = writerGone;
    }

    /**
     * Starts following {@code files}.
     *
     * @param writerGone whether the execution has ended, so that what is in the files is all there will be
     */
    static OutputFollower start(String name, ExecutionFiles files, OutputSink sink, BooleanSupplier writerGone) {
        OutputFollower follower = new OutputFollower(name, sink, writerGone);
        Thread thread = new Thread(() -> follower.follow(files), name + "-output");
        // A follower of an execution nobody waits for any more must not keep the JVM alive.
        thread.setDaemon(true);
        thread.start();
        return follower;
    }

    /**
     * Waits until every line was delivered, which happens within a poll after the writer is gone.
     *
     * @param deadline a {@link Ticker} value
     * @return false when the deadline passed first
     */
    boolean awaitFinished(Ticker ticker, long deadline) throws InterruptedException {
        while (!finished.await(POLL.toNanos(), TimeUnit.NANOSECONDS)) {
            if (ticker.passed(deadline)) {
                return false;
            }
        }
        return true;
    }

    private void follow(ExecutionFiles files) {
        try (LineFile stdout = new LineFile(files.stdout(), OutputChannel.STDOUT);
             LineFile stderr = new LineFile(files.stderr(), OutputChannel.STDERR)) {
            while (true) {
                // Asked before reading: whatever the writer printed before it ended is in the files by then.
                boolean last = writerGone.getAsBoolean();
                stdout.readAvailable();
                stderr.readAvailable();
                if (last) {
                    stdout.deliverRest();
                    stderr.deliverRest();
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: following the output stopped: {}", name, e.toString());
        } finally {
            finished.countDown();
        }
    }

    /** One output file, read on from where the last read stopped, and its unfinished last line. */
    private final class LineFile implements AutoCloseable {
        private final Path path;
        private final OutputChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private Optional<FileChannel> file = Optional.empty();

        LineFile(Path path, OutputChannel channel) {
            this.path = path;
            this.channel = channel;
        }

        void readAvailable() throws IOException {
            if (file.isEmpty()) {
                try {
                    file = Optional.of(FileChannel.open(path, StandardOpenOption.READ));
                } catch (NoSuchFileException e) {
                    // Removed with the step directory: there is nothing (more) to read.
                    return;
                }
            }
            FileChannel open = file.get();
            for (int count = open.read(buffer.clear()); count > 0; count = open.read(buffer.clear())) {
                byte[] bytes = buffer.array();
                int start = 0;
                for (int i = 0; i < count; i++) {
                    if (bytes[i] == '\n') {
                        line.write(bytes, start, i - start);
                        deliver();
                        start = i + 1;
                    }
                }
                line.write(bytes, start, count - start);
            }
        }

        void deliverRest() {
            if (line.size() > 0) {
                deliver();
            }
        }

        private void deliver() {
            byte[] bytes = line.toByteArray();
            line.reset();
            int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            try {
                sink.line(channel, new String(bytes, 0, length, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                LOG.warn("{}: the output sink failed on a {} line; the line is lost, following goes on", name,
                        channel, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (file.isPresent()) {
                file.get().close();
            }
        }
    }
}
