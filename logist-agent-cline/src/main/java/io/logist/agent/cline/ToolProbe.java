package io.logist.agent.cline;

import io.logist.spi.Probe;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an agent's command-line tool (the configured {@code path}, else on the {@code PATH} agents run with)
 * and asks it for its version, so that {@code logist plugins} and job activation say what is there or what to
 * install.
 *
 * @param program     the command name, such as {@code cline}
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

    private static Optional<String> version(Path tool, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(tool.toString(), "--version")).redirectErrorStream(true);
        builder.environment().clear();
        // Node-based tools find node on PATH through their #! line.
        for (String name : List.of("PATH", "HOME")) {
            Optional.ofNullable(environment.get(name)).ifPresent(value -> builder.environment().put(name, value));
        }
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        try (InputStream output = process.getInputStream()) {
            if (!process.waitFor(VERSION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            Matcher version = VERSION.matcher(new String(output.readAllBytes(), StandardCharsets.UTF_8));
            return process.exitValue() == 0 && version.find() ? Optional.of(version.group()) : Optional.empty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String searchPath(Map<String, String> environment) {
        return environment.getOrDefault("PATH", "");
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
