package io.logist.agent.support;

import io.logist.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one agent's {@code agents.<id>.*} values and collects every problem, so that one error lists all of them
 * instead of making the user fix one value per run. Values come checked from Logist's configuration, or as plain
 * Java values from an embedder or a test, so each reader accepts the text form too ({@code "12"}, {@code "true"}).
 *
 * <p>Read every option, then call {@link #rejectProblems()}, or let {@link #read} do both; an invalid value reads
 * as absent (or as the default), so that reading can go on.
 */
public final class OptionReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final String agentId;
    private final Map<String, Object> options;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param agentId the agent's id, which names the options in messages: {@code agents.<id>.<option>}
     * @param options the agent's options, by name
     */
    public OptionReader(String agentId, Map<String, Object> options) {
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads an agent's options with {@code read}, such as into a record of its settings, then rejects every problem
     * found at once.
     *
     * @throws BadInputException listing every invalid option, when there is one
     */
    public static <T> T read(String agentId, Map<String, Object> options, Function<OptionReader, T> read) {
        OptionReader reader = new OptionReader(agentId, options);
        T value = read.apply(reader);
        reader.rejectProblems();
        return value;
    }

    /**
     * A value of the agent's own kind: {@code parse} reads it, and when it cannot, the problem says the value
     * {@code must be <rule>}.
     *
     * @param rule what the value must be, for people, such as {@code "a relative path inside the workspace"}
     * @return the value, empty when it is absent or invalid
     */
    public <T> Optional<T> value(String name, Function<Object, Optional<T>> parse, String rule) {
        return Optional.ofNullable(options.get(name)).flatMap(value -> check(name, value, parse, rule));
    }

    /** A text that is not blank, without its surrounding white space. */
    public Optional<String> text(String name) {
        return value(name, value -> value instanceof String text && !text.isBlank()
                ? Optional.of(text.strip()) : Optional.empty(), "a non-empty text value");
    }

    /** An {@code http://} or {@code https://} URL, without a trailing slash, so that paths can be added to it. */
    public Optional<String> url(String name) {
        return value(name, value -> value instanceof String text && URL.matcher(text.strip()).matches()
                        ? Optional.of(text.strip().replaceAll("/+$", "")) : Optional.empty(),
                "an http:// or https:// URL, such as http://127.0.0.1:8080");
    }

    /** The name of an environment variable, safe to use in a shell script. */
    public Optional<String> variableName(String name) {
        return value(name, value -> value instanceof String text && VARIABLE_NAME.matcher(text.strip()).matches()
                ? Optional.of(text.strip()) : Optional.empty(), "an environment variable name, such as MY_API_KEY");
    }

    /** One of the allowed texts, else the default. */
    public String oneOf(String name, List<String> allowed, String defaultValue) {
        return value(name, value -> allowed.contains(value) ? Optional.of((String) value) : Optional.empty(),
                "one of: " + String.join(", ", allowed)).orElse(defaultValue);
    }

    /** {@code true} or {@code false}, else the default. */
    public boolean bool(String name, boolean defaultValue) {
        return value(name, value -> value instanceof Boolean bool ? Optional.of(bool)
                : "true".equals(value) || "false".equals(value) ? Optional.of(Boolean.parseBoolean((String) value))
                : Optional.empty(), "true or false").orElse(defaultValue);
    }

    /** A whole number of at least {@code min}. */
    public OptionalLong wholeNumber(String name, long min) {
        return value(name, value -> wholeNumber(value).filter(number -> number >= min),
                "a whole number >= " + min).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** A decimal number of at least {@code min}. */
    public Optional<BigDecimal> decimal(String name, BigDecimal min) {
        return value(name, value -> decimal(value).filter(number -> number.compareTo(min) >= 0),
                "a decimal number >= " + min.toPlainString() + ", such as 0.0125");
    }

    /** A list of texts, such as extra command-line arguments; empty when absent. */
    public List<String> textList(String name) {
        return value(name, value -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                        ? Optional.of(list.stream().map(String.class::cast).toList()) : Optional.empty(),
                "a list of text values such as [--verbose]").orElse(List.of());
    }

    /**
     * Prices by model id, each written {@code <input>/<output>}: US dollars per million input and output tokens,
     * such as {@code {my-model: '1.25/10'}}; {@link PriceTable#NONE} when absent. Each invalid price is a problem
     * of its own, named {@code <name>.<model>}.
     */
    public PriceTable prices(String name) {
        return value(name, value -> value instanceof Map<?, ?> map ? Optional.of(prices(name, map)) : Optional.empty(),
                "a map from model id to prices, such as {my-model: '1.25/10'} (US dollars per million input/output"
                        + " tokens)").orElse(PriceTable.NONE);
    }

    /** @throws BadInputException listing every problem found, when there is one */
    public void rejectProblems() {
        if (!problems.isEmpty()) {
            throw new BadInputException("the " + agentId + " agent's options are not valid: "
                    + String.join("; ", problems));
        }
    }

    private PriceTable prices(String name, Map<?, ?> map) {
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        map.forEach((model, price) -> check(name + "." + model, price,
                text -> PriceTable.Price.parse(String.valueOf(text)), "two decimal numbers >= 0 around a slash, the"
                        + " US dollars per million input and output tokens, such as '1.25/10'")
                .ifPresent(parsed -> prices.put(String.valueOf(model), parsed)));
        return new PriceTable(prices);
    }

    private <T> Optional<T> check(String name, Object value, Function<Object, Optional<T>> parse, String rule) {
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add("agents." + agentId + "." + name + " was '" + value + "' but it must be " + rule);
        }
        return parsed;
    }

    private static Optional<Long> wholeNumber(Object value) {
        if (!(value instanceof Number || value instanceof String)) {
            return Optional.empty();
        }
        String text = value.toString().strip();
        return WHOLE_NUMBER.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static Optional<BigDecimal> decimal(Object value) {
        if (!(value instanceof Number || value instanceof String)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value.toString().strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
