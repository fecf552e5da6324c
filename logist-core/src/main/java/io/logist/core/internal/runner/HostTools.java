package io.logist.core.internal.runner;

import io.logist.RunnerException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The host programs the runner drives, found once by absolute path in Logist's own environment, so that
 * the {@code PATH} of a job cannot swap them.
 *
 * @param setsid starts a command as the leader of a new session (util-linux)
 * @param kill   signals a whole process group at once, which {@link ProcessHandle} cannot
 * @param sh     runs the small wrapper that records the command's exit code where a later process finds it
 */
record HostTools(Path setsid, Path kill, Path sh) {
    HostTools {
        Objects.requireNonNull(setsid, "setsid");
        Objects.requireNonNull(kill, "kill");
        Objects.requireNonNull(sh, "sh");
    }

    /**
     * Finds the tools in the {@code PATH} of {@code environment}.
     *
     * @throws RunnerException when this is not Linux or a tool is missing; the message says how to install it
     */
    static HostTools locate(Map<String, String> environment) {
        String os = System.getProperty("os.name", "");
        if (!os.startsWith("Linux")) {
            throw new RunnerException("host runner: needs Linux (it relies on setsid and /proc) but this is "
                    + os + "; use the docker or podman runner here");
        }
        Path here = Path.of("").toAbsolutePath();
        Optional<Path> setsid = Executables.find("setsid", environment, here);
        Optional<Path> kill = Executables.find("kill", environment, here);
        Optional<Path> sh = Executables.find("sh", environment, here);
        List<String> missing = new ArrayList<>();
        if (setsid.isEmpty()) {
            missing.add("setsid");
        }
        if (kill.isEmpty()) {
            missing.add("kill");
        }
        if (sh.isEmpty()) {
            missing.add("sh");
        }
        if (!missing.isEmpty()) {
            String names = missing.size() == 1 ? missing.get(0)
                    : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1);
            throw new RunnerException("host runner: " + names + " not found on PATH "
                    + Executables.searchPath(environment) + "; install util-linux (setsid, kill), procps"
                    + " (kill on Debian and Ubuntu) and a POSIX sh, e.g. 'apt-get install util-linux procps dash'");
        }
        return new HostTools(setsid.orElseThrow(), kill.orElseThrow(), sh.orElseThrow());
    }
}
