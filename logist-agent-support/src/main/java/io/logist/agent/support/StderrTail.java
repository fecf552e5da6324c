package io.logist.agent.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The last lines a CLI printed on standard error, to say why it failed when its own output does not: enough to
 * name the cause, without carrying whole stack traces into events.
 */
public final class StderrTail {
    /** How many lines are kept. */
    public static final int LINES_KEPT = 5;

    private final Predicate<String> noise;
    private final Deque<String> lines = new ArrayDeque<>();

    /** Keeps every line that is not blank. */
    public StderrTail() {
        this(line -> false);
    }

    /** @param noise the lines not worth keeping beyond blank ones, such as stack frames or warnings */
    public StderrTail(Predicate<String> noise) {
        this.noise = Objects.requireNonNull(noise, "noise");
    }

    /** Remembers the line, dropping the oldest one kept when there are enough. */
    public void add(String line) {
        if (line.isBlank() || noise.test(line)) {
            return;
        }
        if (lines.size() == LINES_KEPT) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The lines kept, one a line; empty when there is none. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The message, followed by a colon and the lines kept when there are any. */
    public String appendedTo(String message) {
        return lines.isEmpty() ? message : message + ": " + text();
    }
}
