package io.logist.agent.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices by model id, from an agent's {@code prices} option, for a CLI that reports tokens but no cost, or its cost
 * only at the end of a step: then each model call's cost is known while the step runs.
 *
 * @param byModel the price of each model, by the model id the CLI reports
 */
public record PriceTable(Map<String, Price> byModel) {
    /** No prices: every cost is unknown. */
    public static final PriceTable NONE = new PriceTable(Map.of());
    /** Prices are per million tokens. */
    private static final int MILLION_DIGITS = 6;

    public PriceTable {
        byModel = Map.copyOf(byModel);
    }

    /**
     * The cost of these tokens on this model, when the table prices the model. It is exact: a price times a count
     * of tokens, over a million, needs no rounding.
     */
    public Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
        return Optional.ofNullable(byModel.get(model)).map(price -> price.input()
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(price.output().multiply(BigDecimal.valueOf(outputTokens)))
                .movePointLeft(MILLION_DIGITS));
    }

    /** The cost of these tokens on the configured model, when there is one and the table prices it. */
    public Optional<BigDecimal> cost(Optional<String> model, long inputTokens, long outputTokens) {
        return model.flatMap(id -> cost(id, inputTokens, outputTokens));
    }

    /**
     * One model's price.
     *
     * @param input  US dollars per million input tokens
     * @param output US dollars per million output tokens
     */
    public record Price(BigDecimal input, BigDecimal output) {
        public Price {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            if (input.signum() < 0 || output.signum() < 0) {
                throw new IllegalArgumentException("prices must be >= 0, not " + input + "/" + output);
            }
        }

        /** Reads {@code "1.25/10"}; empty when it is not two decimal numbers >= 0 around a slash. */
        public static Optional<Price> parse(String text) {
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
