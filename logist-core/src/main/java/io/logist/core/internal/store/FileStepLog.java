package io.logist.core.internal.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.logist.JobId;
import io.logist.StoreException;
import io.logist.spi.StepLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A log file opened for appending. The stream is unbuffered, so every line reaches the file as one write
 * and followers see it at once; lines from several threads never interleave.
 */
final class FileStepLog implements StepLog {
    private final JobId id;
    private final Path file;
    private final OutputStream out;

    FileStepLog(JobId id, Path file) throws IOException {
        this.id = id;
        this.file = file;
        this.out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void append(String line) {
        try {
            out.write((line + "\n").getBytes(UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot append to the log " + file + " of job " + id + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new StoreException("cannot close the log " + file + " of job " + id + ": " + e, e);
        }
    }
}
