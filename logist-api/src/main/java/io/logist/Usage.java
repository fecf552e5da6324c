package io.logist;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens and cost, as an agent reports them.
 *
 * @param inputTokens  tokens sent to the model
 * @param outputTokens tokens the model produced
 * @param costUsd      the cost in US dollars, when the agent reports it or a price table gives it
 */
public record Usage(long inputTokens, long outputTokens, Optional<BigDecimal> costUsd) {
    /** Nothing used yet. */
    public static final Usage NONE = new Usage(0, 0, Optional.empty());

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        Objects.requireNonNull(costUsd, "costUsd");
    }

    public static Usage of(long inputTokens, long outputTokens, BigDecimal costUsd) {
        return new Usage(inputTokens, outputTokens, Optional.of(costUsd));
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of both; the cost is known when either side knows it. */
    public Usage plus(Usage other) {
        Optional<BigDecimal> cost = costUsd.isEmpty() ? other.costUsd
                : Optional.of(costUsd.get().add(other.costUsd.orElse(BigDecimal.ZERO)));
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, cost);
    }
}
