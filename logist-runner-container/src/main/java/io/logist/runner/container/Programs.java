package io.logist.runner.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Finds programs the way a shell does, in the {@code PATH} of a given environment rather than the JVM's. */
public final class Programs {
    /** What {@code execvp} searches when {@code PATH} is not set at all. */
    static final String DEFAULT_PATH = "/bin:/usr/bin";

    private Programs() {
    }

    /** The first executable file called {@code name} in an absolute directory of {@code environment}'s PATH. */
    public static Optional<Path> find(String name, Map<String, String> environment) {
        return Arrays.stream(searchPath(environment).split(":"))
                .filter(entry -> entry.startsWith("/"))
                .map(entry -> Path.of(entry, name))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** The {@code PATH} that {@link #find} searches, for messages. */
    public static String searchPath(Map<String, String> environment) {
        return environment.getOrDefault("PATH", DEFAULT_PATH);
    }
}
