package io.logist.agent.codex;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices by model, from the {@code prices} option, so that the cost of each turn is known while the step runs
 * (Codex reports tokens, never a cost).
 */
record PriceTable(Map<String, Price> byModel) {
    static final PriceTable NONE = new PriceTable(Map.of());
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** Dollars per million tokens. */
    record Price(BigDecimal input, BigDecimal output) {
        Price {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
        }
    }

    PriceTable {
        byModel = Map.copyOf(byModel);
    }

    /** The cost of these tokens on this model, when the table prices it. */
    Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return Optional.ofNullable(byModel.get(model)).map(price -> price.input().multiply(BigDecimal.valueOf(inputTokens))
                .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP));
    }
}
