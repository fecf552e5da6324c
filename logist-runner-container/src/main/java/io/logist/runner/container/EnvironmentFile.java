package io.logist.runner.container;

import io.logist.RunnerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands a step's environment to the engine without putting a value on a command line, where every user of the
 * machine could read it in the process table. Values go into an {@code --env-file} that only the owner can
 * read, deleted as soon as the container exists. The file format has no escapes, so a value spanning lines
 * (or too long for the engine's line reader) goes with {@code --env NAME} instead, its value in the client's
 * own environment, which only the owner can read too.
 */
final class EnvironmentFile implements AutoCloseable {
    /** The Go line scanner the engines read env files with stops at 64 KiB a line. */
    private static final int LONGEST_LINE = 60_000;

    private final Path file;
    private final Map<String, String> viaClient;

    private EnvironmentFile(Path file, Map<String, String> viaClient) {
        this.file = file;
        this.viaClient = Collections.unmodifiableMap(viaClient);
    }

    /**
     * Writes {@code environment} into {@code directory}, readable by its owner only.
     *
     * @param name the file's name, unique to the container it is for
     * @throws RunnerException when a variable name cannot be passed or the file cannot be written
     */
    static EnvironmentFile write(String runnerId, Path directory, String name, Map<String, String> environment) {
        StringBuilder lines = new StringBuilder();
        Map<String, String> viaClient = new LinkedHashMap<>();
        new TreeMap<>(environment).forEach((variable, value) -> {
            if (variable.isEmpty() || variable.startsWith("#") || variable.contains("=")
                    || variable.chars().anyMatch(Character::isWhitespace)) {
                throw new RunnerException(runnerId + " runner: cannot pass the environment variable '" + variable
                        + "' into a container: a name must not be empty, contain '=' or white space, or start"
                        + " with '#'; rename it in the job's env settings");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.length() > LONGEST_LINE) {
                viaClient.put(variable, value);
            } else {
                lines.append(variable).append('=').append(value).append('\n');
            }
        });
        Path file = directory.resolve(name);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(file);
            throw new RunnerException(runnerId + " runner: cannot write the container's environment file " + file
                    + ": " + e.getMessage() + "; check that the step directory is writable", e);
        }
        return new EnvironmentFile(file, viaClient);
    }

    /** The {@code run} options that pass the environment. */
    List<String> options() {
        List<String> options = new ArrayList<>(List.of("--env-file", file.toString()));
        viaClient.keySet().forEach(variable -> options.addAll(List.of("--env", variable)));
        return List.copyOf(options);
    }

    /** What the client's environment must hold for the {@code --env NAME} options. */
    Map<String, String> clientEnvironment() {
        return viaClient;
    }

    /** Deletes the file; the container keeps its copy of the values. */
    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only the owner can read it, and the step directory is the job's own; nothing more can be done.
        }
    }
}
