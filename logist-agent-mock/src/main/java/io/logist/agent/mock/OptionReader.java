package io.logist.agent.mock;

import io.logist.BadInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code agents.mock.*} values and collects every problem, so that one error lists all of them
 * instead of making the user fix one value per run.
 */
final class OptionReader {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern PATH_SEPARATOR = Pattern.compile("[/\\\\]");

    private final Map<String, Object> options;
    private final List<String> problems = new ArrayList<>();

    OptionReader(Map<String, Object> options) {
        this.options = options;
    }

    String oneOf(String name, List<String> allowed, String defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String text && allowed.contains(text)) {
            return text;
        }
        problems.add(was(name, value) + " but it must be one of: " + String.join(", ", allowed));
        return defaultValue;
    }

    long nonNegativeInteger(String name, long defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        Optional<Long> number = wholeNumber(value).filter(n -> n >= 0);
        if (number.isEmpty()) {
            problems.add(was(name, value) + " but it must be a whole number >= 0");
        }
        return number.orElse(defaultValue);
    }

    BigDecimal nonNegativeDecimal(String name, BigDecimal defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        Optional<BigDecimal> number = decimal(value).filter(n -> n.signum() >= 0);
        if (number.isEmpty()) {
            problems.add(was(name, value) + " but it must be a decimal number >= 0, such as 0.0125");
        }
        return number.orElse(defaultValue);
    }

    String relativePath(String name, String defaultValue) {
        Object value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String path && isInsideTheWorkspace(path)) {
            return path;
        }
        problems.add(was(name, value) + " but it must be a relative path inside the workspace, such as "
                + defaultValue);
        return defaultValue;
    }

    /** @throws BadInputException listing every problem found, when there is one */
    void rejectProblems() {
        if (!problems.isEmpty()) {
            throw new BadInputException("the mock agent's options are not valid: " + String.join("; ", problems));
        }
    }

    private static String was(String name, Object value) {
        return "agents.mock." + name + " was '" + value + "'";
    }

    private static Optional<Long> wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return Optional.of(big.longValue());
        }
        if (value instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()) {
            return Optional.of(Long.parseLong(text.strip()));
        }
        return Optional.empty();
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

    private static boolean isInsideTheWorkspace(String path) {
        return !path.isBlank()
                && !path.startsWith("/") && !path.startsWith("\\")
                && path.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0)
                && PATH_SEPARATOR.splitAsStream(path).noneMatch(".."::equals);
    }
}
