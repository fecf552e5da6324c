package io.logist.core.internal.runner;

import io.logist.RunnerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the Linux process table under {@code /proc}: one process's {@link ProcStat}, and the live members of
 * a session. The host runner starts every execution as the leader of a new session, so the session id finds
 * all the processes it left behind, even after their parent died and they were re-parented; only a process
 * that started a session of its own (by calling {@code setsid}) escapes this search.
 */
public final class ProcFs {
    private final Path root;

    /** Reads the process table mounted at {@code root}; tests pass a directory laid out like {@code /proc}. */
    public ProcFs(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The process table of this machine. */
    public static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** Whether there is a process table to read (Linux). */
    public boolean available() {
        return Files.isDirectory(root);
    }

    /** The process {@code pid}, or empty when there is none. */
    public Optional<ProcStat> stat(long pid) {
        return read(root.resolve(Long.toString(pid)).resolve("stat"));
    }

    /**
     * The processes of session {@code sessionId} that still run: processes that ended and wait to be
     * collected by their parent are left out, because they can neither run nor be killed.
     */
    public List<ProcStat> sessionMembers(long sessionId) {
        return running().stream().filter(stat -> stat.sessionId() == sessionId).toList();
    }

    /** Every process that still runs (zombies left out, as in {@link #sessionMembers}). */
    public List<ProcStat> running() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(entry -> isPid(entry.getFileName().toString()))
                    .map(entry -> read(entry.resolve("stat")))
                    .flatMap(Optional::stream)
                    .filter(stat -> !stat.isDead())
                    .toList();
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot list the processes in " + root + ": " + e.getMessage()
                    + ". The host runner needs a readable /proc (Linux).", e);
        }
    }

    /**
     * The environment process {@code pid} was started with ({@code /proc/<pid>/environ}); empty when the
     * process is gone or belongs to another user.
     */
    public Map<String, String> environment(long pid) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> variables = new HashMap<>();
        for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                variables.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return variables;
    }

    /** The name of this host as the kernel knows it (what {@code uname -n} prints). */
    public String hostname() {
        Path file = root.resolve("sys/kernel/hostname");
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new RunnerException("host runner: cannot read the host name from " + file + ": "
                    + e.getMessage() + ". The host runner needs a readable /proc (Linux).", e);
        }
    }

    private static Optional<ProcStat> read(Path statFile) {
        try {
            // The process name is arbitrary bytes: decoding replaces what is not UTF-8 instead of failing.
            return Optional.of(ProcStat.parse(new String(Files.readAllBytes(statFile), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // The process ended between listing and reading: it is simply not there any more.
            return Optional.empty();
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
