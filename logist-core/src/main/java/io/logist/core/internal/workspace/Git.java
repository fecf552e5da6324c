package io.logist.core.internal.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} found on the PATH: arguments as a list (never through a shell), output captured,
 * bounded in time. Every command runs with the user's hooks, signing and background maintenance switched
 * off, because Logist's own commits must work the same on every machine and leave nothing running.
 */
final class Git {
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** Prepended to every command; later {@code -c} options given by a caller still win. */
    private static final List<String> HARDENING = List.of(
            "-c", "core.hooksPath=/dev/null",
            "-c", "core.fsmonitor=false",
            "-c", "commit.gpgsign=false",
            "-c", "gc.auto=0",
            "-c", "maintenance.auto=false");

    /**
     * Variables that point git at another repository or identity. They are set when Logist itself is started
     * from a git hook or a CI step, and would silently redirect every command away from the directory given.
     */
    private static final List<String> INHERITED_VARIABLES_TO_DROP = List.of(
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
            "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE",
            "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX",
            "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR",
            "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL");

    private final Map<String, String> environment;
    private final Duration timeout;

    /** Git with Logist's environment and the default timeout. */
    Git() {
        this(Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * @param environment variables set on top of the inherited environment (tests point HOME at an empty
     *                    directory with it)
     * @param timeout     how long one command may take before it is killed
     */
    Git(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /** Runs {@code git args} in directory and returns its exit code and output, whatever the exit code. */
    Result run(Path directory, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(HARDENING);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> variables = builder.environment();
        INHERITED_VARIABLES_TO_DROP.forEach(variables::remove);
        // Messages are matched (a refused push) and must not depend on the user's language.
        variables.put("LC_ALL", "C");
        variables.put("GIT_TERMINAL_PROMPT", "0");
        variables.putAll(environment);
        Path stdout = null;
        Path stderr = null;
        try {
            // Files instead of pipes: nothing to drain concurrently, and waitFor can time out cleanly.
            stdout = Files.createTempFile("logist-git", ".out");
            stderr = Files.createTempFile("logist-git", ".err");
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new WorkspaceException(describe(args, directory) + " did not finish within " + timeout
                        + ": check that the repository is on a local, responsive disk");
            }
            return new Result(args, directory, process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorkspaceException("could not run " + describe(args, directory) + ": " + e.getMessage()
                    + " (is git installed and on the PATH?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(describe(args, directory) + " was interrupted", e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** Runs {@code git args} in directory and returns its standard output; a non-zero exit is an exception. */
    String output(Path directory, List<String> args) {
        Result result = run(directory, args);
        if (!result.succeeded()) {
            throw result.failure();
        }
        return result.stdout();
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless and must not hide the command's own result or failure.
        }
    }

    private static String describe(List<String> args, Path directory) {
        return "`git " + String.join(" ", args) + "` in '" + directory + "'";
    }

    /** What one git command did. */
    record Result(List<String> args, Path directory, int exitCode, String stdout, String stderr) {
        Result {
            args = List.copyOf(args);
        }

        boolean succeeded() {
            return exitCode == 0;
        }

        WorkspaceException failure() {
            return new WorkspaceException(describe(args, directory) + " failed with exit code " + exitCode + ": "
                    + (stderr.isBlank() ? "(git printed no error)" : stderr.strip()));
        }
    }
}
