package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

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

    @Test
    void optionsReadTheUnitsOfLogistYml() {
        Durations.Converter converter = new Durations.Converter();

        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(converter.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("0s")).isZero();
    }

    @Test
    void aDurationWithoutAUnitOrWithAnUnknownOneIsRefused() {
        Durations.Converter converter = new Durations.Converter();

        for (String text : new String[] {"7", "7w", "-1d", "", "d", "99999999999999999999d"}) {
            assertThatThrownBy(() -> converter.convert(text)).as(text)
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("'" + text + "'");
        }
    }
}
