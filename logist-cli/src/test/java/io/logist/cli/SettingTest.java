package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class SettingTest {
    @Test
    void splitsAtTheFirstEquals() {
        assertThat(Setting.parse("limits.maxSteps=10")).isEqualTo(new Setting("limits.maxSteps", "10"));
        assertThat(Setting.parse("agents.x.env=A=B")).isEqualTo(new Setting("agents.x.env", "A=B"));
    }

    @Test
    void anEmptyValueIsAValue() {
        assertThat(Setting.parse("agents.mock.model=")).isEqualTo(new Setting("agents.mock.model", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limits.maxSteps", "=10", " =10", ""})
    void withoutAKeyAndAnEqualsItIsRefused(String text) {
        assertThatThrownBy(() -> Setting.parse(text))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not key=value");
    }
}
