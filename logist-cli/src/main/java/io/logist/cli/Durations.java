package io.logist.cli;

import java.time.Duration;
import java.util.Locale;

/** Renders durations for people and for the JSON output. */
final class Durations {
    private Durations() {
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
