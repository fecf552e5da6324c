package io.logist.core.internal.store;

import io.logist.JobId;
import io.logist.JobLockedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A second process for {@link FileJobLockTest}: locks job {@code args[1]} in home {@code args[0]}, prints
 * {@code locked} and holds the lock until its standard input closes or it is killed; prints
 * {@code refused <pid>} and exits 3 when another process holds it.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        FileJobStore store = new FileJobStore(Path.of(args[0]));
        try {
            store.lock(JobId.of(args[1]), "child");
        } catch (JobLockedException e) {
            System.out.println("refused " + e.owner().pid());
            System.exit(3);
        }
        System.out.println("locked");
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
    }
}
