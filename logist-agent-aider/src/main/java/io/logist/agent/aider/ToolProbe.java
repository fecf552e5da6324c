package io.logist.agent.aider;

import io.logist.spi.Probe;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an agent's command-line tool (the configured {@code path}, else on the {@code PATH} agents run with)
 * and asks it for its version, so that {@code logist plugins} and job activation say what is there or what to
 * install.
 *
 * @param program     the command name, such as {@code aider}
 * @param installHint how to install it, for the message when it is missing
 */
record ToolProbe(String program, String installHint) {
    /** Node-based CLIs start slowly on a busy machine; a version that takes longer is a broken install. */
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*");

    Probe probe(Optional<String> configuredPath, Map<String, String> environment) {
        Optional<Path> found = find(configuredPath, environment);
        if (found.isEmpty()) {
            return Probe.unavailable(configuredPath
                    .map(path -> program + " was not found at " + path + " (agents." + program
                            + ".path); check the path and its execute permission, or " + installHint)
                    .orElseGet(() -> program + " was not found on PATH (" + searchPath(environment) + "); "
                            + installHint + ", or set agents." + program + ".path"));
        }
        Path tool = found.get();
        try {
            return version(tool, environment)
                    .map(version -> Probe.available(program + " " + version + " found at " + tool, version))
                    .orElseGet(() -> Probe.unavailable(program + " at " + tool + " printed no version for"
                            + " --version; reinstall it: " + installHint));
        } catch (IOException e) {
            return Probe.unavailable(program + " at " + tool + " could not run (" + e.getMessage()
                    + "); reinstall it: " + installHint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Probe.unavailable("interrupted while asking " + tool + " for its version");
        }
    }

    private Optional<Path> find(Optional<String> configuredPath, Map<String, String> environment) {
        if (configuredPath.isPresent()) {
            return Optional.of(Path.of(configuredPath.get())).filter(ToolProbe::isExecutableFile);
        }
        return Arrays.stream(searchPath(environment).split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(ToolProbe::isExecutableFile)
                .findFirst();
    }

    /**
     * Runs {@code tool --version} in a throwaway home: some CLIs record the directory they run in under their
     * home even for {@code --version}, and a probe must not change the user's configuration.
     */
    private static Optional<String> version(Path tool, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("logist-probe-");
        ProcessBuilder builder = new ProcessBuilder(List.of(tool.toString(), "--version"))
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        // Node-based tools find node on PATH through their #! line.
        Optional.ofNullable(environment.get("PATH")).ifPresent(path -> builder.environment().put("PATH", path));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        try (InputStream output = process.getInputStream()) {
            if (!process.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            Matcher version = VERSION.matcher(new String(output.readAllBytes(), StandardCharsets.UTF_8));
            return process.exitValue() == 0 && version.find() ? Optional.of(version.group()) : Optional.empty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            delete(home);
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

    private static String searchPath(Map<String, String> environment) {
        return environment.getOrDefault("PATH", "");
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
