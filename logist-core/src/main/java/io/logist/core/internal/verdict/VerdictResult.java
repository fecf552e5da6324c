package io.logist.core.internal.verdict;

import java.util.Objects;

/** The outcome of reading a verdict: a valid one and where it came from, or the reason there is none. */
public sealed interface VerdictResult {

    /**
     * A verdict that passed every check.
     *
     * @param source where it was read: {@link #FILE}, {@link #FENCED_BLOCK} or {@link #OBJECT}
     */
    record Valid(Verdict verdict, String source) implements VerdictResult {
        /** Read from {@code .logist/verdict.json} in the workspace. */
        public static final String FILE = "file";
        /** Read from the last fenced json block of the final message. */
        public static final String FENCED_BLOCK = "fenced block";
        /** Read from the last top-level JSON object of the final message. */
        public static final String OBJECT = "object";

        public Valid {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(source, "source");
        }
    }

    /** No usable verdict; error says what was wrong in words meant for the agent. */
    record Invalid(String error) implements VerdictResult {
        public Invalid {
            Objects.requireNonNull(error, "error");
        }
    }
}
