package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void settingTextUsesTheLargestExactUnit() {
        assertThat(Durations.asSetting(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.asSetting(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(Durations.asSetting(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.asSetting(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.asSetting(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.asSetting(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void peopleSeeTenthsUnderAMinuteThenMinutesThenHours() {
        assertThat(Durations.forPeople(Duration.ofMillis(2150))).isEqualTo("2.1s");
        assertThat(Durations.forPeople(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(Durations.forPeople(Duration.ofMinutes(62))).isEqualTo("1h02m");
        assertThat(Durations.forPeople(Duration.ofSeconds(-3))).isEqualTo("0.0s");
    }
}
