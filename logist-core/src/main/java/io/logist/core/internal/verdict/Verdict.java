package io.logist.core.internal.verdict;

import java.util.List;
import java.util.Objects;

/**
 * What an agent said at the end of its oneshot.
 *
 * @param action        what should happen next
 * @param summary       what was done and why, at most 1000 characters, for the next agent
 * @param evidenceFiles workspace-relative, normalised paths of files that exist in the workspace
 */
public record Verdict(Action action, String summary, List<String> evidenceFiles) {
    public Verdict {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(summary, "summary");
        evidenceFiles = List.copyOf(evidenceFiles);
    }

    /** The agent's decision. */
    public enum Action {
        /** The work is done (worker), or approved (supervisor). */
        COMPLETED,
        /** Another worker step is needed; the summary says what to change. */
        RETRY,
        /** The agent cannot go on without a human; the summary says why. */
        STUCK
    }
}
