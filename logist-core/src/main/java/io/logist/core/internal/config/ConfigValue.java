package io.logist.core.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A configuration value as read from YAML, before validation, with where it was written. */
sealed interface ConfigValue {
    /** Longer scalars are cut in problem messages so that a role's instructions do not flood them. */
    int SHORT_TEXT_LENGTH = 60;

    Origin origin();

    /** The value as shown in a problem message: scalars as written (cut when long), {@code {...}}, {@code [...]}. */
    String shortText();

    /** Whether this is YAML's null ({@code ~}, {@code null} or nothing), which means "not set" where that is allowed. */
    default boolean isNull() {
        return false;
    }

    /**
     * A single value.
     *
     * @param text  exactly as written
     * @param value what YAML makes of it: a Boolean, Long, BigInteger, BigDecimal or the text; empty for null
     */
    record Scalar(String text, Optional<Object> value, Origin origin) implements ConfigValue {
        @Override
        public boolean isNull() {
            return value.isEmpty();
        }

        @Override
        public String shortText() {
            String firstLine = text.lines().findFirst().orElse("");
            boolean cut = firstLine.length() > SHORT_TEXT_LENGTH
                    || !firstLine.stripTrailing().equals(text.stripTrailing());
            return cut ? firstLine.substring(0, Math.min(firstLine.length(), SHORT_TEXT_LENGTH - 3)) + "..." : firstLine;
        }
    }

    /** A list. */
    record Sequence(List<ConfigValue> items, Origin origin) implements ConfigValue {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String shortText() {
            return items.isEmpty() ? "[]" : "[...]";
        }
    }

    /** A map, in the order its keys were written. */
    record Mapping(Map<String, ConfigValue> entries, Origin origin) implements ConfigValue {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** A map holding {@code leaf} under the dotted path {@code keys}, as one override writes it. */
        static Mapping ofPath(List<String> keys, ConfigValue leaf, Origin origin) {
            ConfigValue value = leaf;
            for (int i = keys.size() - 1; i >= 0; i--) {
                value = new Mapping(Map.of(keys.get(i), value), origin);
            }
            return (Mapping) value;
        }

        Optional<ConfigValue> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /**
         * This map with {@code over} laid on top: maps merge key by key, anything else is replaced, so a
         * later layer changes only what it names. Null over a map changes nothing: it is what YAML makes of
         * a section whose entries are all commented out.
         */
        Mapping overriddenBy(Mapping over) {
            Map<String, ConfigValue> merged = new LinkedHashMap<>(entries);
            over.entries().forEach((key, value) -> merged.merge(key, value, Mapping::layered));
            return new Mapping(merged, origin);
        }

        private static ConfigValue layered(ConfigValue under, ConfigValue over) {
            if (under instanceof Mapping lower && over instanceof Mapping upper) {
                return lower.overriddenBy(upper);
            }
            return under instanceof Mapping && over.isNull() ? under : over;
        }

        @Override
        public String shortText() {
            return entries.isEmpty() ? "{}" : "{...}";
        }
    }
}
