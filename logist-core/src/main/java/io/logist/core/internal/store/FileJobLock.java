package io.logist.core.internal.store;

import io.logist.JobId;
import io.logist.JobLockedException;
import io.logist.JobLockedException.LockOwner;
import io.logist.StoreException;
import io.logist.core.internal.json.Json;
import io.logist.spi.JobLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An advisory lock on a job's {@code lock} file, which also records the owner for whoever is refused.
 * Closing releases the lock and leaves the file.
 */
final class FileJobLock implements JobLock {
    /**
     * The locks this process holds, by lock file. POSIX record locks belong to the whole process, and closing
     * any channel on a locked file drops them; so a file this process holds is never opened again, whichever
     * store instance asks.
     */
    private static final Map<Path, FileJobLock> HELD = new HashMap<>();
    private static final int MAX_OWNER_BYTES = 64 * 1024;
    private static final int OWNER_READ_ATTEMPTS = 50;
    private static final long OWNER_READ_PAUSE_MILLIS = 20;
    private static final String HOST = hostName();

    private final JobId id;
    private final LockOwner owner;
    private final Path file;
    private final FileChannel channel;

    private FileJobLock(JobId id, LockOwner owner, Path file, FileChannel channel) {
        this.id = id;
        this.owner = owner;
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock in {@code file} for this process.
     *
     * @throws JobLockedException when this or another process holds it
     */
    static FileJobLock acquire(JobId id, Path file, String purpose, Instant now) {
        Path key = canonical(file);
        synchronized (HELD) {
            FileJobLock held = HELD.get(key);
            if (held != null) {
                throw new JobLockedException(id, held.owner);
            }
            FileChannel channel = open(id, file);
            boolean acquired = false;
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw new JobLockedException(id, readOwner(channel, file));
                }
                LockOwner owner = new LockOwner(ProcessHandle.current().pid(), HOST, now, purpose);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(owner)), 0);
                channel.force(true);
                FileJobLock jobLock = new FileJobLock(id, owner, key, channel);
                HELD.put(key, jobLock);
                acquired = true;
                return jobLock;
            } catch (IOException e) {
                throw new StoreException("cannot lock job " + id + " with " + file + ": " + e, e);
            } finally {
                if (!acquired) {
                    closeAfterFailure(channel);
                }
            }
        }
    }

    private static Path canonical(Path file) {
        try {
            return file.getParent().toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            throw new StoreException("cannot find the directory of " + file + ": " + e, e);
        }
    }

    private static FileChannel open(JobId id, Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot open the lock file " + file + " of job " + id + ": " + e, e);
        }
    }

    /**
     * Who holds the lock, as written in the file. The owner writes it just after taking the lock and erases it
     * before releasing it, so an empty file means the owner is about to write: it is read again for a moment.
     */
    private static LockOwner readOwner(FileChannel channel, Path file) throws IOException {
        for (int attempt = 0; attempt < OWNER_READ_ATTEMPTS; attempt++) {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_OWNER_BYTES);
            channel.read(buffer, 0);
            try {
                return Json.mapper().readValue(buffer.array(), 0, buffer.position(), LockOwner.class);
            } catch (IOException notWrittenYet) {
                pause();
            }
        }
        return new LockOwner(-1, "unknown", Files.getLastModifiedTime(file).toInstant(),
                "no owner information in " + file);
    }

    private static void pause() {
        try {
            Thread.sleep(OWNER_READ_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The failure being reported matters more than one in closing, which releases nothing we hold. */
    private static void closeAfterFailure(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // see above
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public JobId id() {
        return id;
    }

    @Override
    public LockOwner owner() {
        return owner;
    }

    /** Releases the lock; closing again does nothing. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (!HELD.remove(file, this)) {
                return;
            }
            try {
                // Erased while still held, so that nobody reads a released owner as the current one.
                channel.truncate(0);
                channel.close();
            } catch (IOException e) {
                closeAfterFailure(channel);
                throw new StoreException("cannot release the lock " + file + " of job " + id + ": " + e, e);
            }
        }
    }
}
