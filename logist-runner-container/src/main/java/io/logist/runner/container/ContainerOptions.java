package io.logist.runner.container;

import io.logist.RunnerException;
import io.logist.spi.OptionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job's {@code runners.<id>.*} options, read from the values the configuration already checked by type.
 *
 * @param image       the image every step runs in
 * @param network     the network the container joins; {@code none} cuts it off
 * @param cpus        how many CPUs it may use
 * @param memory      its memory limit, as the engine writes it ({@code 4g})
 * @param mounts      extra bind mounts
 * @param user        {@code uid[:gid]} or a user name; absent means the owner of the workspace
 * @param pull        the engine's pull policy: {@code never}, {@code missing} or {@code always}
 * @param environment variables added to the step's own, from the {@code env} option
 */
record ContainerOptions(String image, String network, Optional<String> cpus, Optional<String> memory,
                        List<BindMount> mounts, Optional<String> user, String pull,
                        Map<String, String> environment) {
    static final String DEFAULT_NETWORK = "none";
    static final String DEFAULT_PULL = "never";

    /** The options a container runner understands beyond the common {@code image}, {@code env} and {@code timeout}. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of("network", OptionSpec.Type.STRING,
                    "the network the container joins (default none: no network at all; bridge or host to reach a model API)"),
            OptionSpec.of("cpus", OptionSpec.Type.DECIMAL, "how many CPUs the container may use, such as 2 or 0.5"),
            OptionSpec.of("memory", OptionSpec.Type.STRING, "the container's memory limit, such as 4g or 512m"),
            OptionSpec.of("mounts", OptionSpec.Type.STRING_LIST,
                    "extra bind mounts, each SOURCE:TARGET or SOURCE:TARGET:ro with absolute paths"),
            OptionSpec.of("user", OptionSpec.Type.STRING,
                    "uid:gid (or a user name) the agent runs as; default: the owner of the workspace"),
            OptionSpec.oneOf("pull", "when the engine pulls the image: never (default), missing or always",
                    List.of("never", "missing", "always")));

    /**
     * Reads the options of one request.
     *
     * @param runnerId          {@code docker} or {@code podman}, for messages
     * @param options           the request's {@code runners.<id>.*} values
     * @param logistEnvironment where the variables that {@code env} names get their values
     * @throws RunnerException when no image is set or a mount is malformed
     */
    static ContainerOptions from(String runnerId, Map<String, Object> options, Map<String, String> logistEnvironment) {
        String image = text(options, "image").filter(value -> !value.isBlank()).orElseThrow(() -> new RunnerException(
                runnerId + " runner: no image is configured; set runners." + runnerId + ".image to an image that has"
                        + " the agent's program, for example --set runners." + runnerId + ".image=node:20"));
        List<BindMount> mounts = options.get("mounts") instanceof List<?> entries
                ? entries.stream().map(entry -> BindMount.parse(runnerId, String.valueOf(entry))).toList()
                : List.of();
        return new ContainerOptions(image, text(options, "network").orElse(DEFAULT_NETWORK), text(options, "cpus"),
                text(options, "memory"), mounts, text(options, "user"), text(options, "pull").orElse(DEFAULT_PULL),
                environment(options.get("env"), logistEnvironment));
    }

    /**
     * The {@code env} option: a list names variables of Logist's own environment (those it lacks are left
     * out, as for the top-level {@code env}); a map gives values outright.
     */
    private static Map<String, String> environment(Object env, Map<String, String> logistEnvironment) {
        Map<String, String> values = new LinkedHashMap<>();
        if (env instanceof List<?> names) {
            names.stream().map(String::valueOf).filter(logistEnvironment::containsKey)
                    .forEach(name -> values.put(name, logistEnvironment.get(name)));
        } else if (env instanceof Map<?, ?> given) {
            given.forEach((name, value) -> values.put(String.valueOf(name), String.valueOf(value)));
        }
        return Map.copyOf(values);
    }

    /** A scalar option as text: a number that came back from JSON as a Long or a Double reads the same. */
    private static Optional<String> text(Map<String, Object> options, String name) {
        return Optional.ofNullable(options.get(name)).map(String::valueOf);
    }
}
