package io.logist.runner.container;

import java.util.List;
import java.util.Optional;

/**
 * Whether a container's command still runs and, once it ended, its exit code, as {@code container inspect}
 * reports them.
 *
 * @param running  whether the command runs
 * @param exitCode the command's exit code; meaningful only once it ended
 */
record ContainerState(boolean running, int exitCode) {
    /** The client arguments that print the state of {@code container}. */
    static List<String> inspect(String container) {
        return List.of("container", "inspect", "--format", "{{.State.Running}} {{.State.ExitCode}}", container);
    }

    /** The state in what {@link #inspect} printed; empty when it failed or printed something else. */
    static Optional<ContainerState> parse(EngineCli.Result inspected) {
        String[] fields = inspected.stdout().strip().split(" ");
        if (!inspected.ok() || fields.length != 2 || !fields[0].matches("true|false")
                || !fields[1].matches("-?\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new ContainerState(fields[0].equals("true"), Integer.parseInt(fields[1])));
    }

    /** The exit code of a command that ended. */
    Optional<Integer> ended() {
        return running ? Optional.empty() : Optional.of(exitCode);
    }
}
