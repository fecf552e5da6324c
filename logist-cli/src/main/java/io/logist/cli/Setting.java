package io.logist.cli;

import java.util.Objects;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --set key=value}: a dotted {@code logist.yml} key and its value as text. Whether the key
 * exists and the value fits is the library's to check, with the rest of the configuration.
 */
record Setting(String key, String value) {
    Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Splits {@code key=value} at the first {@code =}, so values may contain {@code =}.
     *
     * @throws TypeConversionException when there is no {@code =} or no key, which picocli reports as bad usage
     */
    static Setting parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || text.substring(0, equals).isBlank()) {
            throw new TypeConversionException("'" + text + "' is not key=value; for example: --set limits.maxSteps=10"
                    + " or --set agents.mock.scenario=success");
        }
        return new Setting(text.substring(0, equals).strip(), text.substring(equals + 1));
    }
}
