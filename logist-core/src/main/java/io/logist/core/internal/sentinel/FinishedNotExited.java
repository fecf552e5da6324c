package io.logist.core.internal.sentinel;

import io.logist.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code finished-not-exited}: the agent gave its verdict, in its output or in {@code .logist/verdict.json},
 * and is still running {@code sentinel.exitGrace} later. A tool call after the verdict means the agent is still
 * working (it may only have read a text that shows a verdict), so it starts the watch over.
 */
final class FinishedNotExited implements TimedRule {
    /** A verdict's action as JSON, also inside a JSON string where its quotes are escaped. */
    private static final Pattern VERDICT = Pattern.compile(
            "\\\\?\"action\\\\?\"\\s*:\\s*\\\\?\"(COMPLETED|RETRY|STUCK)\\\\?\"");

    private final Duration grace;
    private Optional<Instant> verdictAt = Optional.empty();
    private String where = "";

    FinishedNotExited(Duration grace) {
        this.grace = grace;
    }

    void line(String line, Instant at) {
        if (verdictAt.isEmpty() && VERDICT.matcher(line).find()) {
            seen(at, "in its output");
        }
    }

    /** The verdict file exists at {@code at}. */
    void verdictFile(Instant at) {
        if (verdictAt.isEmpty()) {
            seen(at, "in .logist/verdict.json");
        }
    }

    void toolCall() {
        verdictAt = Optional.empty();
    }

    private void seen(Instant at, String place) {
        verdictAt = Optional.of(at);
        where = place;
    }

    @Override
    public Optional<Stop> check(Instant now) {
        return verdictAt.filter(at -> Duration.between(at, now).compareTo(grace) >= 0)
                .map(at -> Stop.afterVerdict("finished-not-exited: the agent gave its verdict " + where
                        + " but was still running " + Durations.format(grace) + " later, so it was stopped"));
    }
}
