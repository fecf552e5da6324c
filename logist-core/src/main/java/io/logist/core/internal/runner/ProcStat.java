package io.logist.core.internal.runner;

import java.util.Objects;

/**
 * The fields of a Linux {@code /proc/<pid>/stat} line that identify a process and its place in the process
 * tree.
 *
 * @param pid       the process id
 * @param command   the executable name (field 2, without the parentheses); it may contain spaces and
 *                  parentheses
 * @param state     the state letter, such as {@code R}, {@code S}, {@code D} or {@code Z}
 * @param parentPid the parent's pid
 * @param groupId   the process group id
 * @param sessionId the session id
 * @param startTime when the process started, in clock ticks after boot (field 22); with the pid it names one
 *                  process even after the pid was reused
 */
public record ProcStat(long pid, String command, char state, long parentPid, long groupId, long sessionId,
                       long startTime) {

    /** Field 22 ({@code starttime}) counted from field 3 ({@code state}), the first one after the name. */
    private static final int START_TIME_AFTER_STATE = 19;

    public ProcStat {
        Objects.requireNonNull(command, "command");
    }

    /**
     * Parses one {@code /proc/<pid>/stat} line.
     *
     * @throws IllegalArgumentException when the line does not have the documented layout
     */
    public static ProcStat parse(String line) {
        // The name is in parentheses and may itself contain ") (" and spaces, so the fields after it start
        // after the LAST closing parenthesis, never after the first.
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open || close + 2 > line.length()) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        String[] rest = line.substring(close + 2).trim().split(" ");
        if (rest.length <= START_TIME_AFTER_STATE || rest[0].length() != 1) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        try {
            return new ProcStat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
                    rest[0].charAt(0), Long.parseLong(rest[1]), Long.parseLong(rest[2]), Long.parseLong(rest[3]),
                    Long.parseLong(rest[START_TIME_AFTER_STATE]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line, e);
        }
    }

    /**
     * Whether the process has already ended and only waits for its parent to collect its exit status. Such a
     * process runs nothing and cannot be killed, so it does not count as left running.
     */
    public boolean isDead() {
        return state == 'Z' || state == 'X' || state == 'x';
    }
}
