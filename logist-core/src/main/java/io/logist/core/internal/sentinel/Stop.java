package io.logist.core.internal.sentinel;

import io.logist.StepOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a running step must be stopped, and how it ends then.
 *
 * @param reason  the step's reason, starting with the rule's name, such as {@code idle-timeout: ...}
 * @param outcome the step's outcome; empty when the agent had given its verdict, which then decides it
 */
public record Stop(String reason, Optional<StepOutcome> outcome) {
    public Stop {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The step is stopped and ends {@code outcome}. */
    public static Stop as(StepOutcome outcome, String reason) {
        return new Stop(reason, Optional.of(outcome));
    }

    /** The step is stopped by a rule or a limit: it ends {@link StepOutcome#KILLED}. */
    public static Stop kill(String reason) {
        return as(StepOutcome.KILLED, reason);
    }

    /** The step is stopped after its verdict, which decides the outcome. */
    public static Stop afterVerdict(String reason) {
        return new Stop(reason, Optional.empty());
    }
}
