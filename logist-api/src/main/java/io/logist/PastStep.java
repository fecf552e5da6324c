package io.logist;

import java.util.Objects;

/**
 * A step that is no longer part of the job's current history, kept so that nothing is forgotten.
 *
 * @param run  the run the step belonged to (a {@code rerun} starts a new run)
 * @param by   what took it out of the current history: {@code restep} or {@code rerun}
 * @param step the step as it was
 */
public record PastStep(int run, String by, StepInfo step) {
    public PastStep {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(step, "step");
    }
}
