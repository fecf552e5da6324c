package io.logist;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found while validating configuration.
 *
 * @param property the dotted property, such as {@code limits.maxCostUsd}
 * @param value    the offending value as written, empty when the property is missing
 * @param rule     what the value must be, such as {@code must be >= 0}
 * @param source   where the value came from, such as {@code /repo/logist.yml line 7} or {@code --set}
 */
public record ConfigProblem(String property, Optional<String> value, String rule, Optional<String> source) {
    public ConfigProblem {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
    }

    /** Renders the problem the way it is shown to a person. */
    public String describe() {
        StringBuilder text = new StringBuilder(property);
        value.ifPresent(v -> text.append(" was '").append(v).append("' but it"));
        text.append(' ').append(rule);
        source.ifPresent(s -> text.append(" (").append(s).append(')'));
        return text.toString();
    }
}
