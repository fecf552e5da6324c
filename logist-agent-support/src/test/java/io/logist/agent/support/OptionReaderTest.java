package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class OptionReaderTest {

    @Test
    void absentOptionsAreEmptyOrTheirDefaultAndNoProblem() {
        OptionReader reader = new OptionReader("my-agent", Map.of());

        assertReadsAsAbsent(reader);
        assertThatCode(reader::rejectProblems).doesNotThrowAnyException();
    }

    @Test
    void validValuesAreReadInTheirJavaOrTextForm() {
        OptionReader reader = new OptionReader("my-agent", Map.of("model", " my-model ",
                "baseUrl", "http://127.0.0.1:8080/v1//", "apiKeyEnv", "TEAM_KEY", "mode", "fast",
                "on", "true", "off", false, "turns", 12, "retries", "0", "cost", "0.25",
                "extraArgs", List.of("--verbose", "--debug")));

        assertThat(reader.text("model")).contains("my-model");
        assertThat(reader.url("baseUrl")).contains("http://127.0.0.1:8080/v1");
        assertThat(reader.variableName("apiKeyEnv")).contains("TEAM_KEY");
        assertThat(reader.oneOf("mode", List.of("fast", "slow"), "slow")).isEqualTo("fast");
        assertThat(reader.bool("on", false)).isTrue();
        assertThat(reader.bool("off", true)).isFalse();
        assertThat(reader.wholeNumber("turns", 1)).isEqualTo(OptionalLong.of(12));
        assertThat(reader.wholeNumber("retries", 0)).isEqualTo(OptionalLong.of(0));
        assertThat(reader.decimal("cost", BigDecimal.ZERO)).contains(new BigDecimal("0.25"));
        assertThat(reader.textList("extraArgs")).containsExactly("--verbose", "--debug");
        assertThatCode(reader::rejectProblems).doesNotThrowAnyException();
    }

    @Test
    void everyInvalidValueIsNamedAtOnceWithWhatItMustBe() {
        OptionReader reader = new OptionReader("my-agent", Map.of("model", " ", "baseUrl", "127.0.0.1:8080",
                "apiKeyEnv", "MY-KEY", "mode", "medium", "inheritUserConfig", "maybe", "maxTurns", 0L,
                "seconds", "1.5", "cost", "-0.01", "extraArgs", "--verbose", "prices", "cheap"));

        assertReadsAsAbsent(reader);
        assertThatThrownBy(reader::rejectProblems)
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("the my-agent agent's options are not valid: ")
                .hasMessageContainingAll(
                        "agents.my-agent.model was ' ' but it must be a non-empty text value",
                        "agents.my-agent.baseUrl was '127.0.0.1:8080' but it must be an http:// or https:// URL",
                        "agents.my-agent.apiKeyEnv was 'MY-KEY' but it must be an environment variable name",
                        "agents.my-agent.mode was 'medium' but it must be one of: fast, slow",
                        "agents.my-agent.inheritUserConfig was 'maybe' but it must be true or false",
                        "agents.my-agent.maxTurns was '0' but it must be a whole number >= 1",
                        "agents.my-agent.seconds was '1.5' but it must be a whole number >= 0",
                        "agents.my-agent.cost was '-0.01' but it must be a decimal number >= 0",
                        "agents.my-agent.extraArgs was '--verbose' but it must be a list of text values",
                        "agents.my-agent.prices was 'cheap' but it must be a map from model id to prices");
    }

    @Test
    void pricesAreReadByModelAndEachBadOneIsNamedByItsModel() {
        OptionReader reader = new OptionReader("my-agent", Map.of("prices",
                Map.of("good-model", "1.25/10", "bad-model", "cheap")));

        PriceTable prices = reader.prices("prices");

        assertThat(prices.byModel()).containsOnlyKeys("good-model");
        assertThat(prices.byModel().get("good-model"))
                .isEqualTo(new PriceTable.Price(new BigDecimal("1.25"), new BigDecimal("10")));
        assertThatThrownBy(reader::rejectProblems).hasMessageContaining(
                "agents.my-agent.prices.bad-model was 'cheap' but it must be two decimal numbers >= 0");
    }

    @Test
    void anAgentsOwnKindOfValueIsCheckedByItsOwnRule() {
        OptionReader reader = new OptionReader("my-agent", Map.of("even", 3, "other", 4));

        assertThat(reader.value("other", OptionReaderTest::even, "an even number")).contains(4);
        assertThat(reader.value("even", OptionReaderTest::even, "an even number")).isEmpty();
        assertThat(reader.value("absent", OptionReaderTest::even, "an even number")).isEmpty();
        assertThatThrownBy(reader::rejectProblems)
                .hasMessage("the my-agent agent's options are not valid: agents.my-agent.even was '3' but it must be"
                        + " an even number");
    }

    /** Every kind of value, read as absent: empty, or the default. */
    private static void assertReadsAsAbsent(OptionReader reader) {
        assertThat(reader.text("model")).isEmpty();
        assertThat(reader.url("baseUrl")).isEmpty();
        assertThat(reader.variableName("apiKeyEnv")).isEmpty();
        assertThat(reader.oneOf("mode", List.of("fast", "slow"), "slow")).isEqualTo("slow");
        assertThat(reader.bool("inheritUserConfig", true)).isTrue();
        assertThat(reader.wholeNumber("maxTurns", 1)).isEmpty();
        assertThat(reader.wholeNumber("seconds", 0)).isEmpty();
        assertThat(reader.decimal("cost", BigDecimal.ZERO)).isEmpty();
        assertThat(reader.textList("extraArgs")).isEmpty();
        assertThat(reader.prices("prices")).isEqualTo(PriceTable.NONE);
    }

    private static Optional<Integer> even(Object value) {
        return value instanceof Integer number && number % 2 == 0 ? Optional.of(number) : Optional.empty();
    }
}
