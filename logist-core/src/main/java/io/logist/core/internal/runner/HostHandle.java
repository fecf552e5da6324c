package io.logist.core.internal.runner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host runner stores to find an execution again from another process: the wrapper's pid (which is
 * also its process group and session id), its start time, the host, and the files the execution writes its
 * output and exit code to.
 *
 * @param pid       the pid of the wrapper that leads the execution's session
 * @param startTime field 22 of {@code /proc/<pid>/stat}; with the pid it names one process even after the pid
 *                  was reused. Missing when the process had already ended when it was read
 * @param host      where the pid is valid
 * @param files     where the output and the exit code go
 */
record HostHandle(long pid, Optional<Long> startTime, String host, ExecutionFiles files) {
    private static final String PID = "pid";
    private static final String PGID = "pgid";
    private static final String START_TIME = "startTime";
    private static final String HOST = "host";
    private static final String STDOUT = "stdout";
    private static final String STDERR = "stderr";
    private static final String EXIT = "exit";

    HostHandle {
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(files, "files");
    }

    /** The handle as stored with the step; {@code pgid} repeats the pid for whoever signals the group. */
    Map<String, String> toMap() {
        Map<String, String> map = new HashMap<>();
        map.put(PID, Long.toString(pid));
        map.put(PGID, Long.toString(pid));
        map.put(HOST, host);
        startTime.ifPresent(ticks -> map.put(START_TIME, Long.toString(ticks)));
        map.put(STDOUT, files.stdout().toString());
        map.put(STDERR, files.stderr().toString());
        map.put(EXIT, files.exit().toString());
        return Map.copyOf(map);
    }

    /** The handle in {@code map}, or empty when it is not one the host runner wrote. */
    static Optional<HostHandle> parse(Map<String, String> map) {
        if (!map.keySet().containsAll(List.of(PID, HOST, STDOUT, STDERR, EXIT))) {
            return Optional.empty();
        }
        try {
            Optional<Long> startTime = Optional.ofNullable(map.get(START_TIME)).map(Long::parseLong);
            return Optional.of(new HostHandle(Long.parseLong(map.get(PID)), startTime, map.get(HOST),
                    new ExecutionFiles(Path.of(map.get(STDOUT)), Path.of(map.get(STDERR)), Path.of(map.get(EXIT)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
