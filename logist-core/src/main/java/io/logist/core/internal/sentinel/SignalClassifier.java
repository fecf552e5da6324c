package io.logist.core.internal.sentinel;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The observer's dictionary: regular expressions by signal, found anywhere in a line. The built-in patterns
 * ignore case; the patterns a user adds under {@code signals:} are taken as written ({@code (?i)} makes one
 * ignore case).
 */
public final class SignalClassifier {
    private static final Map<Signal, List<String>> DEFAULTS = Map.of(
            Signal.RATE_LIMIT, List.of("\\b429\\b", "rate[ _-]?limit", "too many requests", "overloaded"),
            Signal.AUTH_FAILED, List.of("\\b401\\b", "\\b403\\b", "invalid[ _-]?api[ _-]?key", "unauthori[sz]ed",
                    "authentication"),
            Signal.CONTEXT_OVERFLOW, List.of("context[ _-]length", "context[ _-]window", "maximum context",
                    "too many tokens"),
            Signal.NETWORK_ERROR, List.of("ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "connection refused",
                    "network error"),
            Signal.WAITING_INPUT, List.of("press enter", "\\[y/n]", "do you want to proceed", "\\(yes/no\\)",
                    "continue\\?"));

    private final Map<Signal, List<Pattern>> patterns;

    private SignalClassifier(Map<Signal, List<Pattern>> patterns) {
        this.patterns = patterns;
    }

    /**
     * The built-in patterns plus {@code extra}, the user's patterns by signal name.
     *
     * @throws IllegalArgumentException for a name that is no signal; the configuration has rejected it already
     */
    public static SignalClassifier withDefaults(Map<String, List<String>> extra) {
        Map<Signal, List<Pattern>> patterns = new EnumMap<>(Signal.class);
        for (Signal signal : Signal.values()) {
            List<Pattern> list = new ArrayList<>();
            DEFAULTS.get(signal).forEach(p -> list.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE)));
            patterns.put(signal, list);
        }
        extra.forEach((name, added) -> {
            Signal signal = Signal.byId(name).orElseThrow(() -> new IllegalArgumentException(
                    "'" + name + "' is not a signal; the signals are " + Signal.ids()));
            added.forEach(p -> patterns.get(signal).add(Pattern.compile(p)));
        });
        patterns.replaceAll((signal, list) -> List.copyOf(list));
        return new SignalClassifier(patterns);
    }

    /** Every signal {@code line} raises, each once. */
    public Set<Signal> classify(String line) {
        Set<Signal> found = EnumSet.noneOf(Signal.class);
        patterns.forEach((signal, list) -> {
            if (list.stream().anyMatch(p -> p.matcher(line).find())) {
                found.add(signal);
            }
        });
        return found;
    }
}
