package io.logist;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The budget of a job (SPEC section 6).
 *
 * @param maxSteps    steps of any role before the job needs intervention
 * @param maxRounds   worker/supervisor rounds before the job needs intervention
 * @param maxCostUsd  total cost, when set
 * @param maxTokens   total tokens, when set
 * @param maxWallTime total time spent in steps
 * @param stepTimeout time one step may take
 * @param idleTimeout time a step may go without printing anything
 */
public record Limits(int maxSteps, int maxRounds, Optional<BigDecimal> maxCostUsd, Optional<Long> maxTokens,
                     Duration maxWallTime, Duration stepTimeout, Duration idleTimeout) {
    /** The built-in defaults of SPEC section 7. */
    public static final Limits DEFAULTS = new Limits(20, 5, Optional.of(new BigDecimal("5.00")), Optional.empty(),
            Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofMinutes(5));

    public Limits {
        Objects.requireNonNull(maxCostUsd, "maxCostUsd");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(maxWallTime, "maxWallTime");
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }
}
