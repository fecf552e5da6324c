package io.logist.cli;

import io.logist.Durations;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Renders durations for people, and reads them from the command line as {@code logist.yml} writes them. */
final class DurationTexts {
    private DurationTexts() {
    }

    /**
     * Reads an option's duration, such as {@code --older-than 7d}. Unlike {@code logist.yml}, a bare number is
     * refused: {@code --older-than 7} is too easily meant as days to be read as seconds.
     */
    static final class Converter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            return Durations.parse(text).filter(d -> !text.strip().chars().allMatch(Character::isDigit))
                    .orElseThrow(() -> new TypeConversionException("'" + text + "' is not a duration; write it"
                            + " like 7d, 12h, 1h30m or 45s"));
        }
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
