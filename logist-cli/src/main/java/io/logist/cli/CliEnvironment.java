package io.logist.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one invocation of the command line runs in, passed in rather than read from {@link System} so that
 * tests can run the CLI in-process.
 *
 * @param in          standard input: what {@code -} names as a file
 * @param out         standard output: results and progress
 * @param err         standard error: errors and hints
 * @param cwd         the directory relative paths are resolved against
 * @param env         the environment variables Logist and its agents see
 * @param interactive whether {@code out} is a terminal, so progress can update a single line
 * @param clock       the time source of elapsed times
 */
record CliEnvironment(InputStream in, PrintStream out, PrintStream err, Path cwd, Map<String, String> env, boolean interactive,
                      Clock clock) {
    CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        cwd = cwd.toAbsolutePath().normalize();
        env = Map.copyOf(env);
        Objects.requireNonNull(clock, "clock");
    }

    /** A path typed by the user, made absolute against the current directory. */
    Path resolve(Path path) {
        return cwd.resolve(path).normalize();
    }

    /** The value of an environment variable, when it is set and not blank. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
