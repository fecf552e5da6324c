package io.logist.core.internal.config;

import io.logist.ConfigProblem;
import io.logist.ConfigurationException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects every configuration problem of one resolution, so that all of them are reported together. */
final class Problems {
    private record Found(ConfigProblem problem, Origin origin) {
    }

    private final List<Found> found = new ArrayList<>();

    /** {@code value} was written at {@code property} but breaks {@code rule}. */
    void add(String property, ConfigValue value, String rule) {
        add(property, Optional.of(value.shortText()), rule, value.origin());
    }

    void add(String property, Optional<String> value, String rule, Origin origin) {
        found.add(new Found(new ConfigProblem(property, value, rule, Optional.of(origin.description())), origin));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws every problem found, ordered by source in precedence order, then by line. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        throw new ConfigurationException(found.stream()
                .sorted(Comparator.comparingInt((Found f) -> f.origin().layer()).thenComparingInt(f -> f.origin().line()))
                .map(Found::problem)
                .toList());
    }
}
