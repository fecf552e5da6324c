package io.logist.core.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.logist.JobId;
import io.logist.StoreException;
import io.logist.core.internal.json.Json;
import io.logist.event.JobEvent;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's {@code events.jsonl}. Appends are serialized and check the sequence against the last event,
 * which is cached together with the file size: when the size changed behind our back (another process
 * appended), the file is read again.
 */
final class EventLogFile {
    private static final Logger LOG = LoggerFactory.getLogger(EventLogFile.class);

    private final JobId id;
    private final Path file;
    private long lastSeq;
    private long knownSize = -1;

    EventLogFile(JobId id, Path file) {
        this.id = id;
        this.file = file;
    }

    /** The events read from the file, and how many bytes of it hold whole, valid events. */
    record Contents(List<JobEvent> events, long validLength) {
        long lastSeq() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        }
    }

    synchronized void append(JobEvent event) {
        long size = size();
        if (size != knownSize) {
            Contents contents = read();
            if (contents.validLength() < size) {
                dropBrokenTail(contents.validLength());
            }
            lastSeq = contents.lastSeq();
            knownSize = contents.validLength();
        }
        long expected = lastSeq + 1;
        if (event.seq() != expected) {
            throw new StoreException("cannot append event " + event.type() + " to job " + id + ": its seq is "
                    + event.seq() + " but the next seq must be " + expected);
        }
        byte[] line = (Json.writeEvent(event) + "\n").getBytes(UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            FileJobStore.writeFully(channel, line);
            channel.force(true);
        } catch (IOException e) {
            knownSize = -1;
            throw new StoreException("cannot append to " + file + " of job " + id + ": " + e, e);
        }
        lastSeq = expected;
        knownSize += line.length;
    }

    /** Every whole event; a broken last line (a crash while writing it) is skipped. */
    Contents read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + " of job " + id + ": " + e, e);
        }
        List<JobEvent> events = new ArrayList<>();
        int start = 0;
        for (int lineNumber = 1; start < bytes.length; lineNumber++) {
            int end = indexOfNewline(bytes, start);
            if (end < 0) {
                LOG.warn("Skipping the unfinished last line {} of {}", lineNumber, file);
                break;
            }
            String line = new String(bytes, start, end - start, UTF_8);
            try {
                events.add(Json.readEvent(line));
            } catch (IllegalArgumentException e) {
                if (end == bytes.length - 1) {
                    LOG.warn("Skipping the unreadable last line {} of {}: {}", lineNumber, file, e.getMessage());
                    break;
                }
                throw new StoreException(file + " line " + lineNumber + " of job " + id + " is not a valid event: "
                        + e.getMessage() + "; repair or delete that line", e);
            }
            start = end + 1;
        }
        return new Contents(List.copyOf(events), start);
    }

    private static int indexOfNewline(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Cuts a broken last line off, so that the next event starts on a line of its own. */
    private void dropBrokenTail(long validLength) {
        LOG.warn("Dropping the broken last line of {} left by an interrupted write", file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(validLength);
            channel.force(true);
        } catch (IOException e) {
            throw new StoreException("cannot repair the broken last line of " + file + " of job " + id + ": " + e, e);
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new StoreException("cannot read the size of " + file + " of job " + id + ": " + e, e);
        }
    }
}
