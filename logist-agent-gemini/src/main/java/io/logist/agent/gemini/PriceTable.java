package io.logist.agent.gemini;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Prices the user configured with {@code agents.gemini.prices}, for a model whose CLI reports tokens but no
 * cost: USD per million input and output tokens, by model id.
 */
record PriceTable(Map<String, Price> byModel) {
    static final PriceTable EMPTY = new PriceTable(Map.of());
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Fractions of a cent add up over many calls; eight places keep the sum exact enough. */
    private static final int SCALE = 8;

    PriceTable {
        byModel = Map.copyOf(byModel);
    }

    /** The cost of these tokens on this model, when the table prices the model. */
    Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return Optional.ofNullable(byModel.get(model)).map(price -> price.input.multiply(BigDecimal.valueOf(inputTokens))
                .add(price.output.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, SCALE, RoundingMode.HALF_UP));
    }

    /**
     * One model's price.
     *
     * @param input  USD per million input tokens
     * @param output USD per million output tokens
     */
    record Price(BigDecimal input, BigDecimal output) {
        /** Reads {@code "1.25/10"}; empty when it is not two decimals >= 0 around a slash. */
        static Optional<Price> parse(String text) {
            String[] parts = text.split("/", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            return decimal(parts[0]).flatMap(input -> decimal(parts[1]).map(output -> new Price(input, output)));
        }

        private static Optional<BigDecimal> decimal(String text) {
            try {
                BigDecimal number = new BigDecimal(text.strip());
                return number.signum() < 0 ? Optional.empty() : Optional.of(number);
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
    }
}
