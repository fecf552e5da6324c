package io.logist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "30s, PT30S",
            "5m, PT5M",
            "2h, PT2H",
            "1h30m, PT1H30M",
            "1d, PT24H",
            "90, PT1M30S",
            "0, PT0S",
            "1d2h3m4s5ms, PT26H3M4.005S",
            "' 5m ', PT5M"})
    void parsesWhatPeopleWrite(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "5x", "-5s", "1.5h", "m", "5mm", "30m2h", "5 m", "99999999999999999999d", "9223372036854775807d"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT1H30M, 1h30m", "PT45S, 45s", "PT0.5S, 500ms", "PT0S, 0s", "PT48H, 2d", "PT25H0.001S, 1d1h1ms"})
    void formatsLargestUnitsFirst(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.001S", "PT59S", "PT1M", "PT1H1M1S", "PT36H", "PT1000H0.999S"})
    void formatAndParseRoundTrip(Duration duration) {
        assertThat(Durations.parse(Durations.format(duration))).contains(duration);
    }

    @Test
    void formatCutsBelowAMillisecond() {
        assertThat(Durations.format(Duration.ofNanos(1_500_000))).isEqualTo("1ms");
    }

    @Test
    void formatRefusesNegativeDurations() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
