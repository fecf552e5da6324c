package io.logist.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Renders durations for people and for the JSON output, and reads them from the command line. */
final class Durations {
    /** {@code 7d}, {@code 12h}, {@code 1h30m}, {@code 90s}, {@code 500ms}: the units of {@code logist.yml}. */
    private static final Pattern PARTS =
            Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Duration[] UNITS = {Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1),
        Duration.ofSeconds(1), Duration.ofMillis(1)};

    private Durations() {
    }

    /** Reads an option's duration, such as {@code --older-than 7d}, written as {@code logist.yml} writes them. */
    static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            Matcher parts = PARTS.matcher(text.strip());
            if (text.isBlank() || !parts.matches()) {
                throw new TypeConversionException("'" + text + "' is not a duration; write it like 7d, 12h, 1h30m"
                        + " or 45s");
            }
            Duration total = Duration.ZERO;
            try {
                for (int i = 0; i < UNITS.length; i++) {
                    if (parts.group(i + 1) != null) {
                        total = total.plus(UNITS[i].multipliedBy(Long.parseLong(parts.group(i + 1))));
                    }
                }
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                throw new TypeConversionException("'" + text + "' is too long a duration");
            }
            return total;
        }
    }

    /**
     * The duration as {@code logist.yml} writes it, in its largest exact unit: {@code 2h}, {@code 90m},
     * {@code 45s}, {@code 1500ms}; so the JSON output can be fed back as a setting.
     */
    static String asSetting(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + "h";
        }
        if (millis != 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + "s";
        }
        return millis + "ms";
    }

    /** The duration for a person, to a tenth of a second under a minute: {@code 2.1s}, {@code 3m05s}, {@code 1h02m}. */
    static String forPeople(Duration duration) {
        if (duration.isNegative()) {
            return forPeople(Duration.ZERO);
        }
        if (duration.compareTo(Duration.ofMinutes(1)) < 0) {
            return String.format(Locale.ROOT, "%d.%ds", duration.toSeconds(), duration.toMillisPart() / 100);
        }
        if (duration.compareTo(Duration.ofHours(1)) < 0) {
            return String.format(Locale.ROOT, "%dm%02ds", duration.toMinutes(), duration.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%dh%02dm", duration.toHours(), duration.toMinutesPart());
    }
}
