package io.logist;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in {@code logist.yml}, in settings and on the command line: {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h}, {@code 1h30m}, {@code 1d}; a bare whole number means seconds.
 */
public final class Durations {
    private record Unit(String suffix, Duration length) {
    }

    /** Largest first: the order in which parts are written. */
    private static final List<Unit> UNITS = List.of(
            new Unit("d", ChronoUnit.DAYS.getDuration()),
            new Unit("h", ChronoUnit.HOURS.getDuration()),
            new Unit("m", ChronoUnit.MINUTES.getDuration()),
            new Unit("s", ChronoUnit.SECONDS.getDuration()),
            new Unit("ms", ChronoUnit.MILLIS.getDuration()));

    // "(?!s)" keeps the minutes group from eating the "m" of "ms".
    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Pattern SECONDS = Pattern.compile("\\d+");

    private Durations() {
    }

    /** The duration written as {@code text}; empty when it is not a valid, non-negative duration. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        try {
            if (SECONDS.matcher(trimmed).matches()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            }
            Matcher parts = PARTS.matcher(trimmed);
            if (trimmed.isEmpty() || !parts.matches()) {
                return Optional.empty();
            }
            Duration total = Duration.ZERO;
            for (int i = 0; i < UNITS.size(); i++) {
                String amount = parts.group(i + 1);
                if (amount != null) {
                    total = total.plus(UNITS.get(i).length().multipliedBy(Long.parseLong(amount)));
                }
            }
            return Optional.of(total);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code duration} the way {@link #parse} reads it, largest units first ({@code 1h30m}),
     * to the millisecond.
     *
     * @throws IllegalArgumentException when {@code duration} is negative
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + duration);
        }
        StringBuilder text = new StringBuilder();
        Duration rest = duration.truncatedTo(ChronoUnit.MILLIS);
        for (Unit unit : UNITS) {
            long amount = rest.dividedBy(unit.length());
            if (amount > 0) {
                text.append(amount).append(unit.suffix());
                rest = rest.minus(unit.length().multipliedBy(amount));
            }
        }
        return text.length() == 0 ? "0s" : text.toString();
    }
}
