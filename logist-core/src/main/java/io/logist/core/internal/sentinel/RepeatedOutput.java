package io.logist.core.internal.sentinel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code loop}: the same line, or the same group of up to five lines, printed {@code sentinel.loopRepeats} times
 * in a row; or the same tool call made that many times in a row. Blank lines are left out: they separate, they
 * do not repeat work.
 */
final class RepeatedOutput {
    static final int MAX_BLOCK_LINES = 5;

    private final int times;
    private final Repeats lines;
    private final Repeats toolCalls;

    RepeatedOutput(int times) {
        this.times = times;
        this.lines = new Repeats(times, MAX_BLOCK_LINES);
        this.toolCalls = new Repeats(times, 1);
    }

    Optional<Stop> line(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        return lines.add(line).map(block -> Stop.kill("loop: the same " + (block.size() == 1 ? "line was"
                : block.size() + " lines were") + " printed " + times + " times in a row: " + shown(block)));
    }

    Optional<Stop> toolCall(String tool, String detail) {
        String call = detail.isBlank() ? tool : tool + " " + detail;
        return toolCalls.add(call).map(block -> Stop.kill("loop: the same tool call was made " + times
                + " times in a row: " + shown(block)));
    }

    private static String shown(List<String> block) {
        return block.stream().map(Quote::of).collect(Collectors.joining(" / "));
    }
}
