package io.logist.core.internal.sentinel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the same block of one to {@code maxBlock} items repeated {@code times} times in a row at the end of a
 * stream of items. Keeps only the items a block could span.
 */
final class Repeats {
    private final int times;
    private final int maxBlock;
    private final List<String> recent = new ArrayList<>();

    Repeats(int times, int maxBlock) {
        if (times < 2 || maxBlock < 1) {
            throw new IllegalArgumentException("times must be >= 2 and maxBlock >= 1");
        }
        this.times = times;
        this.maxBlock = maxBlock;
    }

    /** Adds {@code item}; returns the repeated block when the stream now ends with one, the shortest first. */
    Optional<List<String>> add(String item) {
        recent.add(item);
        if (recent.size() > times * maxBlock) {
            recent.remove(0);
        }
        for (int block = 1; block <= maxBlock; block++) {
            if (endsWithRepeated(block)) {
                return Optional.of(List.copyOf(recent.subList(recent.size() - block, recent.size())));
            }
        }
        return Optional.empty();
    }

    private boolean endsWithRepeated(int block) {
        int span = block * times;
        if (recent.size() < span) {
            return false;
        }
        int start = recent.size() - span;
        for (int i = start; i + block < recent.size(); i++) {
            if (!recent.get(i).equals(recent.get(i + block))) {
                return false;
            }
        }
        return true;
    }
}
