package io.logist;

/**
 * The phase of one step. Phases only move forward, except that {@code RECOVERING} returns to
 * {@code EXECUTING}: {@code PROVISIONING -> EXECUTING -> (RECOVERING -> EXECUTING)* -> HARVESTING -> DONE}.
 */
public enum StepPhase {
    PROVISIONING, EXECUTING, RECOVERING, HARVESTING, DONE;

    /** Whether a step in this phase may move to {@code next}. */
    public boolean canMoveTo(StepPhase next) {
        return switch (this) {
            case PROVISIONING -> next == EXECUTING || next == HARVESTING;
            case EXECUTING -> next == RECOVERING || next == HARVESTING;
            case RECOVERING -> next == EXECUTING || next == HARVESTING;
            case HARVESTING -> next == DONE;
            case DONE -> false;
        };
    }
}
