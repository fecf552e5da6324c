package io.logist.spi;

import java.util.List;
import java.util.Objects;

/**
 * An option a plugin understands under {@code agents.<id>.*} or {@code runners.<id>.*}, so that
 * configuration is validated before a job runs.
 *
 * @param name        the key below the plugin, such as {@code scenario}
 * @param type        what kind of value it takes
 * @param description one line for people
 * @param allowed     the only values allowed, for a {@link Type#STRING}; empty when any string is fine
 */
public record OptionSpec(String name, Type type, String description, List<String> allowed) {
    /** The kinds of option values. */
    public enum Type {
        STRING, INTEGER, DECIMAL, BOOLEAN, DURATION, STRING_LIST, STRING_MAP
    }

    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        allowed = List.copyOf(allowed);
    }

    public static OptionSpec of(String name, Type type, String description) {
        return new OptionSpec(name, type, description, List.of());
    }

    public static OptionSpec oneOf(String name, String description, List<String> allowed) {
        return new OptionSpec(name, Type.STRING, description, allowed);
    }
}
