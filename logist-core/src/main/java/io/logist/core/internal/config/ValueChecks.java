package io.logist.core.internal.config;

import io.logist.Durations;
import io.logist.core.internal.config.ConfigValue.Mapping;
import io.logist.core.internal.config.ConfigValue.Scalar;
import io.logist.core.internal.config.ConfigValue.Sequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Typed reads of configuration values. Each read returns the value when it follows its rule, and otherwise
 * adds a problem naming the property, the value as written, the rule and where it was written.
 */
final class ValueChecks {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String VARIABLE_NAME_RULE =
            "must be an environment variable name: letters, digits and _, not starting with a digit";
    private static final String DURATION_EXAMPLES = " such as 30s, 5m, 2h or 1h30m";

    private final Problems problems;

    ValueChecks(Problems problems) {
        this.problems = problems;
    }

    /**
     * The entry {@code key} of {@code mapping} at {@code prefix} ({@code ""} at the top level), unless it is
     * missing or null; then a problem is added.
     */
    Optional<ConfigValue> required(String prefix, Mapping mapping, String key) {
        Optional<ConfigValue> value = optional(mapping, key);
        if (value.isEmpty()) {
            problems.add(prefix.isEmpty() ? key : prefix + "." + key, Optional.empty(), "must be set",
                    mapping.get(key).orElse(mapping).origin());
        }
        return value;
    }

    /** The entry {@code key} of {@code mapping}, unless it is missing or null (which means "not set"). */
    static Optional<ConfigValue> optional(Mapping mapping, String key) {
        return mapping.get(key).filter(value -> !value.isNull());
    }

    /** A map; null is an empty one, as YAML gives a key whose entries are all commented out. */
    Optional<Mapping> mapping(String property, ConfigValue value) {
        if (value.isNull()) {
            return Optional.of(new Mapping(Map.of(), value.origin()));
        }
        return reported(property, value, "must be a map such as {key: value}",
                Optional.of(value).filter(Mapping.class::isInstance).map(Mapping.class::cast));
    }

    /** Adds a problem for every key of {@code mapping} at {@code prefix} that is not one of {@code known}. */
    void knownKeys(String prefix, Mapping mapping, Collection<String> known) {
        mapping.entries().forEach((key, value) -> {
            if (!known.contains(key)) {
                problems.add(prefix.isEmpty() ? key : prefix + "." + key, value,
                        "is not a known key; known keys: " + String.join(", ", known));
            }
        });
    }

    Optional<String> text(String property, ConfigValue value) {
        return reported(property, value, "must be a text value", scalar(value).map(Scalar::text));
    }

    Optional<String> oneOf(String property, ConfigValue value, Collection<String> allowed) {
        return reported(property, value, "must be one of: " + String.join(", ", allowed),
                scalar(value).map(Scalar::text).filter(allowed::contains));
    }

    /** The id of an installed plugin of {@code kind} ({@code agent}, {@code runner}). */
    Optional<String> installed(String property, ConfigValue value, Set<String> ids, String kind) {
        String rule = ids.isEmpty()
                ? "must be an installed " + kind + ", but none is installed; add a " + kind + " plugin to the class path"
                : "must be an installed " + kind + ": " + String.join(", ", new TreeSet<>(ids));
        return reported(property, value, rule, scalar(value).map(Scalar::text).filter(ids::contains));
    }

    Optional<Boolean> bool(String property, ConfigValue value) {
        return reported(property, value, "must be true or false", valueOf(value, Boolean.class));
    }

    Optional<Long> wholeNumber(String property, ConfigValue value) {
        return reported(property, value, "must be a whole number", valueOf(value, Long.class));
    }

    /** A whole number from {@code min} to {@code max}. */
    Optional<Long> wholeNumber(String property, ConfigValue value, long min, long max) {
        Optional<Long> number = valueOf(value, Long.class);
        if (number.filter(n -> n > max).isPresent()) {
            problems.add(property, value, "must be a whole number <= " + max);
            return Optional.empty();
        }
        return reported(property, value, "must be a whole number >= " + min, number.filter(n -> n >= min));
    }

    Optional<BigDecimal> decimal(String property, ConfigValue value) {
        return reported(property, value, "must be a number such as 0.25", decimalOf(value));
    }

    Optional<BigDecimal> decimal(String property, ConfigValue value, BigDecimal min) {
        return decimal(property, value).flatMap(number -> reported(property, value, "must be >= " + min.toPlainString(),
                Optional.of(number).filter(n -> n.compareTo(min) >= 0)));
    }

    Optional<Duration> duration(String property, ConfigValue value, boolean positive) {
        return durationScalar(property, value, positive).flatMap(scalar -> Durations.parse(scalar.text()));
    }

    /** A valid duration, kept as written so that it reads back the way the user wrote it. */
    Optional<String> durationAsWritten(String property, ConfigValue value, boolean positive) {
        return durationScalar(property, value, positive).map(Scalar::text);
    }

    Optional<List<String>> textList(String property, ConfigValue value) {
        return reported(property, value, "must be a list of text values such as [a, b]", texts(value));
    }

    Optional<Map<String, String>> textMap(String property, ConfigValue value) {
        Optional<Map<String, String>> texts = Optional.of(value).filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .flatMap(mapping -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    mapping.entries().forEach((key, entry) -> scalar(entry).ifPresent(s -> map.put(key, s.text())));
                    return map.size() == mapping.entries().size() ? Optional.of(Collections.unmodifiableMap(map)) : Optional.empty();
                });
        return reported(property, value, "must be a map of text values such as {KEY: value}", texts);
    }

    Optional<String> variableName(String property, ConfigValue value) {
        return reported(property, value, VARIABLE_NAME_RULE, scalar(value).map(Scalar::text).filter(this::isVariableName));
    }

    /** A list of environment variable names; each bad name is its own problem. */
    Optional<List<String>> variableNames(String property, ConfigValue value) {
        Optional<List<String>> names = reported(property, value,
                "must be a list of environment variable names such as [PATH, HOME]", texts(value));
        if (names.isEmpty()) {
            return names;
        }
        boolean allValid = true;
        for (ConfigValue item : ((Sequence) value).items()) {
            allValid &= variableName(property, item).isPresent();
        }
        return allValid ? names : Optional.empty();
    }

    /** A map of environment variables by name; each bad name is its own problem. */
    Optional<Map<String, String>> variableMap(String property, ConfigValue value) {
        Optional<Map<String, String>> variables = textMap(property, value);
        if (variables.isEmpty()) {
            return variables;
        }
        boolean allValid = true;
        for (Map.Entry<String, ConfigValue> entry : ((Mapping) value).entries().entrySet()) {
            if (!isVariableName(entry.getKey())) {
                problems.add(property, Optional.of(entry.getKey()), VARIABLE_NAME_RULE, entry.getValue().origin());
                allValid = false;
            }
        }
        return allValid ? variables : Optional.empty();
    }

    /** Either form a runner accepts for {@code env}: names passed through, or variables set to values. */
    Optional<Object> variableNamesOrMap(String property, ConfigValue value) {
        if (value instanceof Sequence) {
            return variableNames(property, value).map(Object.class::cast);
        }
        if (value instanceof Mapping) {
            return variableMap(property, value).map(Object.class::cast);
        }
        problems.add(property, value, "must be a list of environment variable names or a map of NAME: value");
        return Optional.empty();
    }

    /** Adds {@code rule} as a problem when {@code result} is empty. */
    <T> Optional<T> reported(String property, ConfigValue value, String rule, Optional<T> result) {
        if (result.isEmpty()) {
            problems.add(property, value, rule);
        }
        return result;
    }

    private boolean isVariableName(String name) {
        return VARIABLE_NAME.matcher(name).matches();
    }

    private Optional<Scalar> durationScalar(String property, ConfigValue value, boolean positive) {
        String rule = positive ? "must be a duration > 0" + DURATION_EXAMPLES : "must be a duration" + DURATION_EXAMPLES;
        return reported(property, value, rule, scalar(value)
                .filter(s -> Durations.parse(s.text()).filter(d -> !positive || !d.isZero()).isPresent()));
    }

    private static Optional<Scalar> scalar(ConfigValue value) {
        return Optional.of(value).filter(Scalar.class::isInstance).map(Scalar.class::cast).filter(s -> !s.isNull());
    }

    private static <T> Optional<T> valueOf(ConfigValue value, Class<T> type) {
        return scalar(value).flatMap(Scalar::value).filter(type::isInstance).map(type::cast);
    }

    private static Optional<BigDecimal> decimalOf(ConfigValue value) {
        return scalar(value).flatMap(Scalar::value).flatMap(number -> {
            if (number instanceof BigDecimal decimal) {
                return Optional.of(decimal);
            }
            if (number instanceof Long whole) {
                return Optional.of(BigDecimal.valueOf(whole));
            }
            if (number instanceof BigInteger large) {
                return Optional.of(new BigDecimal(large));
            }
            return Optional.empty();
        });
    }

    private static Optional<List<String>> texts(ConfigValue value) {
        if (!(value instanceof Sequence sequence)) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        sequence.items().forEach(item -> scalar(item).ifPresent(s -> texts.add(s.text())));
        return texts.size() == sequence.items().size() ? Optional.of(List.copyOf(texts)) : Optional.empty();
    }
}
