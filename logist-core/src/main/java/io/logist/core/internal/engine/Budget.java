package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.Limits;
import io.logist.StepInfo;
import io.logist.Usage;
import io.logist.Durations;
import io.logist.spi.StepRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job's limits (SPEC section 6), checked before a step starts and on every usage report and timer tick
 * while it runs. Each check returns the reason, with the figures, when a limit is crossed.
 */
final class Budget {
    /** The share of a limit used at which a warning is due. */
    private static final BigDecimal WARN_AT = new BigDecimal("0.8");

    private Budget() {
    }

    /**
     * A limit at least 80 percent used.
     *
     * @param limit  the limit's name in {@code limits:}, such as {@code maxCostUsd}
     * @param detail the figures, such as {@code $4.10 spent of $5.00}
     */
    record Warning(String limit, String detail) {
    }

    /** Why the step {@code next} must not start, if it must not. */
    static Optional<String> exceededBefore(JobInfo job, StepPlan.Decision.Run next, Instant now) {
        Limits limits = job.settings().limits();
        if (job.steps().size() >= limits.maxSteps()) {
            return Optional.of("limit maxSteps reached: " + job.steps().size() + " steps of " + limits.maxSteps());
        }
        boolean newRound = next.role().equals(StepPlan.WORKER) && !next.reask() && !job.steps().isEmpty()
                && job.settings().workflow() == io.logist.JobSettings.Workflow.WORKER_SUPERVISOR;
        long rounds = StepPlan.roundsDone(job);
        if (newRound && rounds >= limits.maxRounds()) {
            return Optional.of("limit maxRounds reached: " + rounds + " rounds of " + limits.maxRounds());
        }
        return exceeded(limits, job.usage(), wallTime(job, now));
    }

    /** Why a running step must stop, if it must: the job's usage includes the running step's so far. */
    static Optional<String> exceededDuring(JobInfo job, Usage stepUsage, Instant now) {
        return exceeded(job.settings().limits(), job.usage().plus(stepUsage), wallTime(job, now));
    }

    private static Optional<String> exceeded(Limits limits, Usage usage, Duration wall) {
        if (limits.maxCostUsd().isPresent() && usage.costUsd().isPresent()
                && usage.costUsd().get().compareTo(limits.maxCostUsd().get()) > 0) {
            return Optional.of("limit maxCostUsd exceeded: $" + usage.costUsd().get().toPlainString()
                    + " spent of $" + limits.maxCostUsd().get().toPlainString());
        }
        if (limits.maxTokens().isPresent() && usage.totalTokens() > limits.maxTokens().get()) {
            return Optional.of("limit maxTokens exceeded: " + usage.totalTokens() + " tokens of "
                    + limits.maxTokens().get());
        }
        if (wall.compareTo(limits.maxWallTime()) >= 0) {
            return Optional.of("limit maxWallTime reached: " + Durations.format(wall) + " of "
                    + Durations.format(limits.maxWallTime()));
        }
        return Optional.empty();
    }

    /**
     * The limits at least 80 percent used by {@code usage}, {@code wall} time and {@code steps} (counting a
     * running step); the limits a step can cross while it runs, and the step count.
     */
    static List<Warning> nearing(Limits limits, Usage usage, Duration wall, int steps) {
        List<Warning> warnings = new ArrayList<>();
        if (limits.maxCostUsd().isPresent() && usage.costUsd().isPresent()
                && reached(usage.costUsd().get(), limits.maxCostUsd().get())) {
            warnings.add(new Warning("maxCostUsd", "$" + usage.costUsd().get().toPlainString() + " spent of $"
                    + limits.maxCostUsd().get().toPlainString()));
        }
        if (limits.maxTokens().isPresent()
                && reached(BigDecimal.valueOf(usage.totalTokens()), BigDecimal.valueOf(limits.maxTokens().get()))) {
            warnings.add(new Warning("maxTokens", usage.totalTokens() + " tokens of " + limits.maxTokens().get()));
        }
        if (reached(BigDecimal.valueOf(wall.toMillis()), BigDecimal.valueOf(limits.maxWallTime().toMillis()))) {
            warnings.add(new Warning("maxWallTime", Durations.format(wall.truncatedTo(ChronoUnit.SECONDS)) + " of "
                    + Durations.format(limits.maxWallTime())));
        }
        if (reached(BigDecimal.valueOf(steps), BigDecimal.valueOf(limits.maxSteps()))) {
            warnings.add(new Warning("maxSteps", "step " + steps + " of " + limits.maxSteps()));
        }
        return warnings;
    }

    private static boolean reached(BigDecimal used, BigDecimal limit) {
        return used.compareTo(limit.multiply(WARN_AT)) >= 0;
    }

    /** Time spent in steps: finished steps in full, a running one up to {@code now}. */
    static Duration wallTime(JobInfo job, Instant now) {
        Duration total = Duration.ZERO;
        for (StepInfo step : job.steps()) {
            total = total.plus(Duration.between(step.startedAt(), step.endedAt().orElse(now)));
        }
        return total;
    }

    /** What the job may still spend, handed to agents with native limits. */
    static StepRequest.Budget remaining(JobInfo job, Instant now) {
        Limits limits = job.settings().limits();
        Optional<BigDecimal> cost = limits.maxCostUsd().map(max ->
                max.subtract(job.usage().costUsd().orElse(BigDecimal.ZERO)).max(BigDecimal.ZERO));
        Optional<Long> tokens = limits.maxTokens().map(max -> Math.max(0, max - job.usage().totalTokens()));
        Duration wallLeft = limits.maxWallTime().minus(wallTime(job, now));
        Duration time = wallLeft.compareTo(limits.stepTimeout()) < 0 ? wallLeft : limits.stepTimeout();
        return new StepRequest.Budget(cost, tokens, time.isNegative() ? Duration.ZERO : time);
    }
}
