package io.logist.runner.container;

import io.logist.RunnerException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory or file made visible in the container.
 *
 * @param source   the absolute path on the host
 * @param target   the absolute path in the container
 * @param readOnly whether the container may only read it
 */
record BindMount(Path source, Path target, boolean readOnly) {
    BindMount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** A mount at the same path inside as outside, writable. */
    static BindMount samePath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new BindMount(absolute, absolute, false);
    }

    /**
     * Reads one {@code runners.<id>.mounts} entry, {@code src:dst} or {@code src:dst:ro} (or {@code :rw}).
     *
     * @throws RunnerException when the entry has another shape or a path is relative: a relative source would
     *                         silently become a named volume
     */
    static BindMount parse(String runnerId, String entry) {
        String[] parts = entry.split(":", -1);
        boolean shaped = (parts.length == 2 || parts.length == 3)
                && (parts.length == 2 || parts[2].equals("ro") || parts[2].equals("rw"))
                && parts[0].startsWith("/") && parts[1].startsWith("/");
        if (!shaped) {
            throw new RunnerException(runnerId + " runner: runners." + runnerId + ".mounts has '" + entry
                    + "' but each mount must be SOURCE:TARGET or SOURCE:TARGET:ro, both absolute paths without ':',"
                    + " such as /home/me/.m2:/root/.m2:ro");
        }
        return new BindMount(Path.of(parts[0]).normalize(), Path.of(parts[1]).normalize(),
                parts.length == 3 && parts[2].equals("ro"));
    }

    /**
     * The value of {@code --mount}. The engines split it on commas, so a path with a comma cannot be mounted.
     *
     * @throws RunnerException when a path has a comma
     */
    String mountOption(String runnerId) {
        for (Path path : new Path[] {source, target}) {
            if (path.toString().contains(",")) {
                throw new RunnerException(runnerId + " runner: cannot mount " + path + " into the container: "
                        + runnerId + " cannot bind a path that contains a comma; move it, or the Logist home,"
                        + " to a path without one");
            }
        }
        return "type=bind,source=" + source + ",target=" + target + (readOnly ? ",readonly" : "");
    }
}
