package io.logist.agent.cline;

import io.logist.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code agents.<id>.*} values and collects every problem, so that one error lists all of them instead
 * of making the user fix one value per run. Values come checked from Logist's configuration, or as plain Java
 * values from an embedder, so each reader accepts the text form too.
 */
final class OptionReader {
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
            return Optional.of(text.strip());
        }
        problems.add(was(name, value) + " but it must be a non-empty text");
        return Optional.empty();
    }

    boolean bool(String name, boolean defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        problems.add(was(name, value) + " but it must be true or false");
        return defaultValue;
    }

    Optional<String> variableName(String name) {
        return text(name).filter(text -> {
            boolean valid = VARIABLE_NAME.matcher(text).matches();
            if (!valid) {
                problems.add(was(name, text) + " but it must be an environment variable name such as MY_API_KEY");
            }
            return valid;
        });
    }

    List<String> textList(String name) {
        Object value = options.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add(was(name, value) + " but it must be a list of text values such as [--verbose]");
        return List.of();
    }

    /** Model ids with their USD prices per million input and output tokens, written {@code "1.25/10"}. */
    PriceTable prices(String name) {
        Object value = options.get(name);
        if (value == null) {
            return PriceTable.EMPTY;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(was(name, value) + " but it must be a map of model: 'input/output' USD per million tokens,"
                    + " such as {my-model: '1.25/10'}");
            return PriceTable.EMPTY;
        }
        Map<String, PriceTable.Price> prices = new LinkedHashMap<>();
        map.forEach((model, price) -> PriceTable.Price.parse(String.valueOf(price)).ifPresentOrElse(
                parsed -> prices.put(String.valueOf(model), parsed),
                () -> problems.add(was(name + "." + model, price) + " but it must be two decimal numbers >= 0,"
                        + " the USD price per million input and output tokens, such as '1.25/10'")));
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
