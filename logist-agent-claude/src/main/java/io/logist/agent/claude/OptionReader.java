package io.logist.agent.claude;

import io.logist.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads {@code agents.claude-code.*} values, as configuration or a test hands them over, and collects every
 * problem, so that one error lists all of them instead of making the user fix one value per run.
 */
final class OptionReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Dollars per million input tokens, a slash, dollars per million output tokens: {@code 3/15}. */
    private static final Pattern PRICE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d+(?:\\.\\d+)?)\\s*");

    private final String agentId;
    private final Map<String, Object> options;
    private final List<String> problems = new ArrayList<>();

    OptionReader(String agentId, Map<String, Object> options) {
        this.agentId = agentId;
        this.options = options;
    }

    Optional<String> text(String name) {
        Object value = options.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Optional.of(text);
        }
        problems.add(was(name, value) + " but it must be a non-empty text value");
        return Optional.empty();
    }

    Optional<String> url(String name) {
        Optional<String> url = text(name);
        if (url.isPresent() && !url.get().matches("https?://\\S+")) {
            problems.add(was(name, url.get()) + " but it must be an http:// or https:// URL, such as http://127.0.0.1:8080");
            return Optional.empty();
        }
        return url.map(text -> text.replaceAll("/+$", ""));
    }

    Optional<String> variableName(String name) {
        Optional<String> variable = text(name);
        if (variable.isPresent() && !VARIABLE_NAME.matcher(variable.get()).matches()) {
            problems.add(was(name, variable.get()) + " but it must be an environment variable name, such as"
                    + " ANTHROPIC_API_KEY");
            return Optional.empty();
        }
        return variable;
    }

    boolean bool(String name, boolean defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        problems.add(was(name, value) + " but it must be true or false");
        return defaultValue;
    }

    OptionalLong wholeNumber(String name, long min) {
        Object value = options.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        String text = value.toString().strip();
        if ((value instanceof Number || value instanceof String) && WHOLE_NUMBER.matcher(text).matches()
                && Long.parseLong(text) >= min) {
            return OptionalLong.of(Long.parseLong(text));
        }
        problems.add(was(name, value) + " but it must be a whole number >= " + min);
        return OptionalLong.empty();
    }

    List<String> textList(String name) {
        Object value = options.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add(was(name, value) + " but it must be a list of text values such as [--verbose]");
        return List.of();
    }

    /** The {@code prices} table: model id to {@code <input $/Mtok>/<output $/Mtok>}. */
    PriceTable prices(String name) {
        Object value = options.get(name);
        if (value == null) {
            return PriceTable.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(was(name, value) + " but it must be a map from model id to prices, such as"
                    + " {claude-sonnet-4-5: 3/15} (dollars per million input/output tokens)");
            return PriceTable.NONE;
        }
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        map.forEach((model, price) -> {
            var matcher = PRICE.matcher(String.valueOf(price));
            if (matcher.matches()) {
                prices.put(String.valueOf(model), new PriceTable.Price(new BigDecimal(matcher.group(1)),
                        new BigDecimal(matcher.group(2))));
            } else {
                problems.add(was(name + "." + model, price) + " but it must be <input>/<output> dollars per"
                        + " million tokens, such as 3/15");
            }
        });
        return new PriceTable(prices);
    }

    /** @throws BadInputException listing every problem found, when there is one */
    void rejectProblems() {
        if (!problems.isEmpty()) {
            throw new BadInputException("the " + agentId + " agent's options are not valid: "
                    + String.join("; ", problems));
        }
    }

    private String was(String name, Object value) {
        return "agents." + agentId + "." + name + " was '" + value + "'";
    }
}
