package io.logist;

/** How a step ended. */
public enum StepOutcome {
    /** The agent's verdict said the work (or the review) is complete. */
    COMPLETED,
    /** The agent's verdict asked for another worker step. */
    RETRY,
    /** The agent's verdict said it cannot go on without a human. */
    STUCK,
    /** The agent exited without a valid verdict. */
    INVALID_VERDICT,
    /** The agent process failed: non-zero exit, crash or a reported error. */
    AGENT_FAILED,
    /** Logist stopped the step: a limit, a timeout or a sentinel rule. */
    KILLED,
    /** The orchestrating process died while the step ran. */
    INTERRUPTED,
    /** The job was canceled while the step ran. */
    CANCELED
}
