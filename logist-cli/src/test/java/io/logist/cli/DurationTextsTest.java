package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationTextsTest {
    @Test
    void peopleSeeTenthsUnderAMinuteThenMinutesThenHours() {
        assertThat(DurationTexts.forPeople(Duration.ofMillis(2150))).isEqualTo("2.1s");
        assertThat(DurationTexts.forPeople(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(DurationTexts.forPeople(Duration.ofMinutes(62))).isEqualTo("1h02m");
        assertThat(DurationTexts.forPeople(Duration.ofSeconds(-3))).isEqualTo("0.0s");
    }

    @Test
    void optionsReadTheUnitsOfLogistYml() {
        DurationTexts.Converter converter = new DurationTexts.Converter();

        assertThat(converter.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(converter.convert("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("0s")).isZero();
    }

    @Test
    void aDurationWithoutAUnitOrWithAnUnknownOneIsRefused() {
        DurationTexts.Converter converter = new DurationTexts.Converter();

        for (String text : new String[] {"7", "7w", "-1d", "", "d", "99999999999999999999d"}) {
            assertThatThrownBy(() -> converter.convert(text)).as(text)
                    .isInstanceOf(TypeConversionException.class).hasMessageContaining("'" + text + "'");
        }
    }
}
