package io.logist.core.internal.config;

import io.logist.core.internal.config.ConfigValue.Mapping;
import io.logist.core.internal.config.ConfigValue.Scalar;
import io.logist.core.internal.config.ConfigValue.Sequence;
import io.logist.spi.OptionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code agents} or {@code runners} section: options by plugin id. The options of an installed plugin are
 * checked against those every plugin of its kind understands plus its own {@link OptionSpec}s; the section of
 * a plugin that is not installed here is kept as written, because one {@code logist.yml} may serve machines
 * with different plugins.
 */
final class PluginSections {
    /** Reads one option value, adding a problem when it breaks the option's rule. */
    @FunctionalInterface
    interface OptionRule {
        Optional<?> read(ValueChecks checks, String property, ConfigValue value);

        /** The rule of a plugin's own option; values become plain JSON-friendly Java values. */
        static OptionRule of(OptionSpec spec) {
            return switch (spec.type()) {
                case STRING -> spec.allowed().isEmpty() ? ValueChecks::text : (checks, property, value) -> checks.oneOf(property, value, spec.allowed());
                case INTEGER -> ValueChecks::wholeNumber;
                case DECIMAL -> (checks, property, value) -> checks.decimal(property, value).map(d -> d.stripTrailingZeros().toPlainString());
                case BOOLEAN -> ValueChecks::bool;
                case DURATION -> (checks, property, value) -> checks.durationAsWritten(property, value, false);
                case STRING_LIST -> ValueChecks::textList;
                case STRING_MAP -> ValueChecks::textMap;
            };
        }
    }

    /** Options every agent understands (SPEC section 7). */
    static final Map<String, OptionRule> COMMON_AGENT_OPTIONS = ordered(List.of(
            Map.entry("model", ValueChecks::text),
            Map.entry("path", ValueChecks::text),
            Map.entry("baseUrl", ValueChecks::text),
            Map.entry("apiKeyEnv", ValueChecks::variableName),
            Map.entry("env", ValueChecks::variableMap),
            Map.entry("extraArgs", ValueChecks::textList),
            Map.entry("inheritUserConfig", ValueChecks::bool)));

    /** Options every runner understands (SPEC section 7). */
    static final Map<String, OptionRule> COMMON_RUNNER_OPTIONS = ordered(List.of(
            Map.entry("image", ValueChecks::text),
            Map.entry("env", ValueChecks::variableNamesOrMap),
            Map.entry("timeout", (checks, property, value) -> checks.durationAsWritten(property, value, true))));

    private final String kind;
    private final Map<String, Map<String, OptionRule>> rulesById;

    /**
     * @param kind   {@code agent} or {@code runner}, as problems name it
     * @param common the options every plugin of this kind understands
     * @param specs  each installed plugin's own options, by id
     */
    PluginSections(String kind, Map<String, OptionRule> common, Map<String, List<OptionSpec>> specs) {
        this.kind = kind;
        Map<String, Map<String, OptionRule>> rules = new LinkedHashMap<>();
        specs.forEach((id, options) -> {
            Map<String, OptionRule> byName = new LinkedHashMap<>(common);
            // A plugin may narrow a common option, such as the models it accepts.
            options.forEach(option -> byName.put(option.name(), OptionRule.of(option)));
            rules.put(id, Collections.unmodifiableMap(byName));
        });
        this.rulesById = Collections.unmodifiableMap(rules);
    }

    String kind() {
        return kind;
    }

    /** The ids of the installed plugins. */
    Set<String> ids() {
        return rulesById.keySet();
    }

    /** The section at {@code property} ({@code agents}), read into options by plugin id. */
    Map<String, Map<String, Object>> read(ValueChecks checks, String property, ConfigValue value) {
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        checks.mapping(property, value).ifPresent(byId -> byId.entries().forEach((id, section) ->
                checks.mapping(property + "." + id, section).ifPresent(options -> sections.put(id,
                        Optional.ofNullable(rulesById.get(id))
                                .map(rules -> checked(checks, property + "." + id, options, rules))
                                .orElseGet(() -> asWritten(options))))));
        return Collections.unmodifiableMap(sections);
    }

    private static Map<String, Object> checked(ValueChecks checks, String prefix, Mapping options, Map<String, OptionRule> rules) {
        checks.knownKeys(prefix, options, rules.keySet());
        Map<String, Object> values = new LinkedHashMap<>();
        rules.forEach((name, rule) -> ValueChecks.optional(options, name)
                .flatMap(value -> rule.read(checks, prefix + "." + name, value))
                .ifPresent(value -> values.put(name, value)));
        return Collections.unmodifiableMap(values);
    }

    /** Plain Java values that Jackson writes as JSON; null means "not set" and is left out. */
    private static Map<String, Object> asWritten(Mapping mapping) {
        Map<String, Object> values = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> plain(value).ifPresent(plain -> values.put(key, plain)));
        return Collections.unmodifiableMap(values);
    }

    private static Optional<Object> plain(ConfigValue value) {
        if (value instanceof Scalar scalar) {
            return scalar.value().map(v -> v instanceof Boolean || v instanceof Long ? v : scalar.text());
        }
        if (value instanceof Sequence sequence) {
            List<Object> items = new ArrayList<>();
            sequence.items().forEach(item -> plain(item).ifPresent(items::add));
            return Optional.of(List.copyOf(items));
        }
        return Optional.of(asWritten((Mapping) value));
    }

    private static Map<String, OptionRule> ordered(List<Map.Entry<String, OptionRule>> rules) {
        Map<String, OptionRule> byName = new LinkedHashMap<>();
        rules.forEach(rule -> byName.put(rule.getKey(), rule.getValue()));
        return Collections.unmodifiableMap(byName);
    }
}
