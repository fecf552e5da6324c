package io.logist.runner.container;

import io.logist.spi.OutputChannel;
import io.logist.spi.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one channel of a container's output and hands every line to the sink as soon as its newline arrives.
 * Lines are split on {@code \n} only, a trailing {@code \r} is dropped, and bytes that are not UTF-8 become
 * U+FFFD, as the host runner does. It counts the complete lines it read, so that a second reading of the
 * same log can skip what was already delivered.
 */
final class LineReader implements Runnable {
    private static final System.Logger LOG = System.getLogger(LineReader.class.getName());

    private final OutputChannel channel;
    private final InputStream stream;
    private final OutputSink sink;
    private final long skip;
    private final boolean lastLineIsFinal;
    private volatile long lines;

    /**
     * @param skip            complete lines at the start that were delivered before and are only counted
     * @param lastLineIsFinal whether a last line without newline is delivered at end of stream; a reading that
     *                        may have been cut short keeps it back, since the rest of it may still come
     */
    LineReader(OutputChannel channel, InputStream stream, OutputSink sink, long skip, boolean lastLineIsFinal) {
        this.channel = channel;
        this.stream = stream;
        this.sink = sink;
        this.skip = skip;
        this.lastLineIsFinal = lastLineIsFinal;
    }

    /** The complete lines read so far, skipped ones included. */
    long lines() {
        return lines;
    }

    @Override
    public void run() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int count = stream.read(buffer); count != -1; count = stream.read(buffer)) {
                int start = 0;
                for (int i = 0; i < count; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        complete(line);
                        start = i + 1;
                    }
                }
                line.write(buffer, start, count - start);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "reading the container's " + channel + " stopped: " + e);
        }
        if (lastLineIsFinal && line.size() > 0) {
            deliver(line);
        }
    }

    private void complete(ByteArrayOutputStream line) {
        if (lines >= skip) {
            deliver(line);
        }
        line.reset();
        lines++;
    }

    private void deliver(ByteArrayOutputStream line) {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            sink.line(channel, new String(bytes, 0, length, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // A failing sink must not stop the reading: the client would block on a full pipe.
            LOG.log(System.Logger.Level.WARNING, "the output sink failed on a " + channel
                    + " line of a container; the line is lost, reading goes on", e);
        }
    }
}
