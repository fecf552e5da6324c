package io.logist.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --repo DIR}: the repository whose {@code logist.yml} a read command looks at. */
final class RepoOption {
    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git repository whose logist.yml counts (default: the current directory).")
    Optional<Path> value = Optional.empty();

    /** The repository, absolute. */
    Path resolve(CliEnvironment environment) {
        return value.map(environment::resolve).orElse(environment.cwd());
    }
}
