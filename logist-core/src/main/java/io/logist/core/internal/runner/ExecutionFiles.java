package io.logist.core.internal.runner;

import io.logist.RunnerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The files an execution writes in its step directory: its output, and its exit code once it ended. Files
 * outlive the process that started the execution, so another process can read the whole output again and
 * learn how the execution ended.
 *
 * @param stdout the command's standard output
 * @param stderr the command's standard error
 * @param exit   the exit code and a newline, written by the wrapper after the command ended; missing while it
 *               runs, and for good when the wrapper itself was killed
 */
record ExecutionFiles(Path stdout, Path stderr, Path exit) {
    private static final String PREFIX = "host-";

    ExecutionFiles {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(exit, "exit");
    }

    /**
     * Files in a new directory {@code host-<k>} of {@code stepDirectory}, {@code k} counting from 1: a step
     * directory may see more than one execution, and none may read another's output.
     */
    static ExecutionFiles createIn(Path stepDirectory) {
        try {
            Files.createDirectories(stepDirectory);
            for (int k = 1; ; k++) {
                Path dir = stepDirectory.resolve(PREFIX + k);
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                ExecutionFiles files = new ExecutionFiles(dir.resolve("stdout"), dir.resolve("stderr"),
                        dir.resolve("exit"));
                Files.createFile(files.stdout());
                Files.createFile(files.stderr());
                return files;
            }
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot create the output files of the command in "
                    + stepDirectory + ": " + e.getMessage() + "; check that the Logist home is writable", e);
        }
    }

    /** The exit code the wrapper recorded, when it did; a half-written file counts as none. */
    Optional<Integer> exitCode() {
        try {
            String text = Files.readString(exit, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (IOException | NumberFormatException e) {
            // Not written (yet), or cut short by a kill: the exit code is unknown.
            return Optional.empty();
        }
    }
}
