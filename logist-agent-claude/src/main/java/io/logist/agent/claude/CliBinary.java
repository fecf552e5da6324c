package io.logist.agent.claude;

import io.logist.spi.Probe;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an agent's CLI, in the {@code path} option or on the {@code PATH} of the environment agents run with,
 * and asks it for its version, to tell people what was found or what to install.
 *
 * @param program    the binary's name on {@code PATH}, such as {@code claude}
 * @param npmPackage the npm package that installs it, with the version Logist is tested with
 */
record CliBinary(String program, String npmPackage) {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+\\S*");
    private static final long VERSION_TIMEOUT_SECONDS = 30;

    CliBinary {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(npmPackage, "npmPackage");
    }

    /** Whether the binary is there and answers {@code --version}. */
    Probe probe(Optional<String> configuredPath, String option, Map<String, String> environment) {
        String searchPath = Objects.requireNonNullElse(environment.get("PATH"), "");
        Optional<Path> binary = configuredPath.isPresent()
                ? Optional.of(Path.of(configuredPath.get())).filter(CliBinary::isExecutableFile)
                : find(searchPath);
        if (binary.isEmpty()) {
            String where = configuredPath.map(path -> option + " (" + path + ") is not an executable file")
                    .orElse(program + " was not found on PATH (" + searchPath + ")");
            return Probe.unavailable(where + "; install it with `npm install -g " + npmPackage
                    + "` (or scripts/install-agent-clis.sh in a Logist checkout), or set " + option
                    + " to the binary");
        }
        try {
            String output = versionOutput(binary.get(), environment);
            Matcher version = VERSION.matcher(output);
            if (!version.find()) {
                return Probe.unavailable(binary.get() + " --version printed no version (" + output.strip()
                        + "); reinstall it with `npm install -g " + npmPackage + "`");
            }
            return Probe.available(program + " " + version.group() + " at " + binary.get(), version.group());
        } catch (IOException e) {
            return Probe.unavailable(binary.get() + " --version could not run: " + e.getMessage()
                    + "; reinstall it with `npm install -g " + npmPackage + "`");
        }
    }

    private Optional<Path> find(String searchPath) {
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(CliBinary::isExecutableFile)
                .findFirst();
    }

    private static String versionOutput(Path binary, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "--version")).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        try {
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("it did not answer within " + VERSION_TIMEOUT_SECONDS + " seconds");
            }
            if (process.exitValue() != 0) {
                throw new IOException("it exited with code " + process.exitValue() + ": "
                        + output.get(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS).strip());
            }
            return output.get(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for it", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("its output could not be read: " + e.getMessage(), e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
