package io.logist.core.internal.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a program the way {@code execvp} does, but in a given environment's {@code PATH} instead of the
 * JVM's own: an execution sees only the environment it was given, so its program must be found there too.
 */
final class Executables {
    /** What {@code execvp} searches when {@code PATH} is not set at all. */
    static final String DEFAULT_PATH = "/bin:/usr/bin";

    private Executables() {
    }

    /**
     * The executable file {@code program} names: itself (against {@code directory}) when it contains a slash,
     * else the first match in the directories of {@code environment}'s {@code PATH}; an empty entry or a
     * relative one is taken against {@code directory}, the process's working directory.
     */
    static Optional<Path> find(String program, Map<String, String> environment, Path directory) {
        if (program.contains("/")) {
            return Optional.of(directory.resolve(program)).filter(Executables::isExecutableFile);
        }
        if (program.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(searchPath(environment).split(":", -1))
                .map(entry -> directory.resolve(entry).resolve(program))
                .filter(Executables::isExecutableFile)
                .findFirst();
    }

    /** The {@code PATH} a program is searched in, for error messages. */
    static String searchPath(Map<String, String> environment) {
        return environment.getOrDefault("PATH", DEFAULT_PATH);
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
