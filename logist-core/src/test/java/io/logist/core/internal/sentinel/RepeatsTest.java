package io.logist.core.internal.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepeatsTest {

    private static Optional<List<String>> feed(Repeats repeats, String... items) {
        Optional<List<String>> last = Optional.empty();
        for (String item : items) {
            last = repeats.add(item);
        }
        return last;
    }

    @Test
    void theSameItemTimesInARowIsARepeat() {
        Repeats repeats = new Repeats(3, 5);
        assertThat(feed(repeats, "x", "a", "a")).isEmpty();
        assertThat(repeats.add("a")).hasValue(List.of("a"));
    }

    @Test
    void aDifferentItemBreaksTheRun() {
        assertThat(feed(new Repeats(3, 1), "a", "a", "b", "a", "a")).isEmpty();
    }

    @Test
    void aBlockOfSeveralItemsRepeatedIsFound() {
        Repeats repeats = new Repeats(3, 5);
        assertThat(feed(repeats, "a", "b", "c", "a", "b", "c", "a", "b")).isEmpty();
        assertThat(repeats.add("c")).hasValue(List.of("a", "b", "c"));
    }

    @Test
    void blocksLongerThanTheLargestAreNotLookedFor() {
        assertThat(feed(new Repeats(2, 2), "a", "b", "c", "a", "b", "c")).isEmpty();
        assertThat(feed(new Repeats(2, 3), "a", "b", "c", "a", "b", "c")).hasValue(List.of("a", "b", "c"));
    }

    @Test
    void theShortestRepeatedBlockIsReported() {
        assertThat(feed(new Repeats(2, 5), "a", "a", "a", "a")).hasValue(List.of("a"));
    }
}
