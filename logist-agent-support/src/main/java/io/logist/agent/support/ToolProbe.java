package io.logist.agent.support;

import io.logist.spi.Probe;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an agent's command-line tool (the configured {@code path}, else on the {@code PATH} agents run with) and
 * asks it for its version, so that {@code logist plugins} and job activation say what is there or what to install.
 *
 * @param program     the command name on {@code PATH}, such as {@code gemini}
 * @param installHint the command that installs it, with the version Logist is tested with, such as
 *                    {@code npm install -g @google/gemini-cli@0.61.0}
 */
public record ToolProbe(String program, String installHint) {
    /** Node-based CLIs start slowly on a busy machine; a version that takes longer is a broken install. */
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*");

    public ToolProbe {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(installHint, "installHint");
    }

    /**
     * Whether the tool is there and answers {@code --version} with a version.
     *
     * @param agentId        the agent's id, which names its {@code agents.<id>.path} option in the messages
     * @param configuredPath the {@code path} option, when set; else the tool is looked for on {@code PATH}
     * @param environment    the environment agents run with
     */
    public Probe probe(String agentId, Optional<String> configuredPath, Map<String, String> environment) {
        String pathOption = "agents." + agentId + ".path";
        String searchPath = environment.getOrDefault("PATH", "");
        Optional<Path> found = configuredPath.isPresent()
                ? Optional.of(Path.of(configuredPath.get())).filter(ToolProbe::isExecutableFile)
                : findOnPath(program, searchPath);
        if (found.isEmpty()) {
            return Probe.unavailable(configuredPath
                    .map(path -> pathOption + " (" + path + ") is not an executable file; check the path and its"
                            + " execute permission, or install " + program + " with: " + installHint)
                    .orElseGet(() -> program + " was not found on PATH (" + searchPath + "); install it with: "
                            + installHint + ", or set " + pathOption + " to the binary"));
        }
        Path tool = found.get();
        String reinstall = "; reinstall it with: " + installHint;
        try {
            VersionAnswer answer = askVersion(tool, environment);
            if (answer.exitCode().isEmpty()) {
                return Probe.unavailable(program + " at " + tool + " did not answer --version within "
                        + VERSION_TIMEOUT.toSeconds() + " seconds" + reinstall);
            }
            if (answer.exitCode().get() != 0) {
                return Probe.unavailable(program + " at " + tool + " failed its --version: it exited with code "
                        + answer.exitCode().get() + answer.outputAfterColon() + reinstall);
            }
            Matcher version = VERSION.matcher(answer.output());
            if (!version.find()) {
                return Probe.unavailable(program + " at " + tool + " printed no version for --version"
                        + answer.outputAfterColon() + reinstall);
            }
            return Probe.available(program + " " + version.group() + " found at " + tool, version.group());
        } catch (IOException e) {
            return Probe.unavailable(program + " at " + tool + " could not run: " + e.getMessage() + reinstall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.unavailable("interrupted while asking " + tool + " for its version");
        }
    }

    /**
     * The first executable file named {@code program} in the directories of {@code searchPath}, as a shell finds it.
     *
     * @param searchPath directories separated by {@link File#pathSeparator}, as in {@code PATH}
     */
    public static Optional<Path> findOnPath(String program, String searchPath) {
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(ToolProbe::isExecutableFile)
                .findFirst();
    }

    /**
     * Runs {@code tool --version} with the agents' environment, in a throwaway home: some CLIs record the directory
     * they run in under their home even for {@code --version}, and a probe must not change the user's configuration.
     */
    private static VersionAnswer askVersion(Path tool, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("logist-probe-");
        Path home = Files.createDirectory(scratch.resolve("home"));
        // Into a file, not a pipe: nothing has to drain it while waiting, and a child that keeps it open cannot
        // make reading it hang.
        Path output = scratch.resolve("version-output.txt");
        ProcessBuilder builder = new ProcessBuilder(List.of(tool.toString(), "--version"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(new IsolatedHome(home).variables());
        Process process = builder.start();
        try {
            boolean exited = process.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new VersionAnswer(exited ? Optional.of(process.exitValue()) : Optional.empty(),
                    new String(Files.readAllBytes(output), StandardCharsets.UTF_8).strip());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            delete(scratch);
        }
    }

    /** Best effort: a temporary directory left behind by a process still writing to it is harmless. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException stillInUse) {
            directory.toFile().deleteOnExit();
        }
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    /** What {@code --version} printed, and its exit code; none when it did not exit in time. */
    private record VersionAnswer(Optional<Integer> exitCode, String output) {
        String outputAfterColon() {
            return output.isEmpty() ? "" : ": " + output;
        }
    }
}
