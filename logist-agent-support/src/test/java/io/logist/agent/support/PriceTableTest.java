package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final PriceTable PRICES = new PriceTable(Map.of(
            "sonnet", new PriceTable.Price(new BigDecimal("3"), new BigDecimal("15")),
            "gpt", PriceTable.Price.parse("1.25/10").orElseThrow()));

    @Test
    void theCostIsThePricePerMillionTokensExactly() {
        assertThat(PRICES.cost("sonnet", 28844, 1)).contains(new BigDecimal("0.086547"));
        assertThat(PRICES.cost("gpt", 19135, 46)).contains(new BigDecimal("0.02437875"));
        assertThat(PRICES.cost("gpt", 0, 0)).hasValueSatisfying(cost -> assertThat(cost).isZero());
    }

    @Test
    void aModelWithoutAPriceHasNoCost() {
        assertThat(PRICES.cost("unknown", 1000, 1000)).isEmpty();
        assertThat(PriceTable.NONE.cost("sonnet", 1000, 1000)).isEmpty();
    }

    @Test
    void aPriceIsTwoDecimalNumbersAroundASlash() {
        assertThat(PriceTable.Price.parse(" 0.3 / 2.5 "))
                .contains(new PriceTable.Price(new BigDecimal("0.3"), new BigDecimal("2.5")));
        assertThat(PriceTable.Price.parse("3")).isEmpty();
        assertThat(PriceTable.Price.parse("3/15/20")).isEmpty();
        assertThat(PriceTable.Price.parse("-1/15")).isEmpty();
        assertThat(PriceTable.Price.parse("cheap/15")).isEmpty();
    }

    @Test
    void aNegativePriceIsRefused() {
        assertThatThrownBy(() -> new PriceTable.Price(BigDecimal.ONE, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1/-1");
    }
}
