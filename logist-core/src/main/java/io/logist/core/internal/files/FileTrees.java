package io.logist.core.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees: each caller wraps a failure in the exception and advice that fit what it removes. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes {@code directory} and everything in it, deepest first. Symbolic links are removed, never followed.
     *
     * @throws IOException when something cannot be deleted; what was deleted before stays deleted
     */
    public static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            // Files.walk reports a failure met while walking this way.
            throw e.getCause();
        }
    }
}
