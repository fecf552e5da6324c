package io.logist.cli;

import io.logist.JobInfo;
import io.logist.Limits;
import io.logist.StepInfo;
import io.logist.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the read commands print for people; {@link JsonViews} is the stable machine output. */
final class TextViews {
    private static final int PROMPT_WIDTH = 72;
    private static final String NONE = "-";

    private final Clock clock;

    /** @param clock what "now" is for the wall time of a step still running */
    TextViews(Clock clock) {
        this.clock = clock;
    }

    /** {@code job list}: one row per job. */
    String list(List<JobInfo> jobs) {
        Table table = new Table("ID", "STATUS", "STEPS", "UPDATED", "REASON");
        for (JobInfo job : jobs) {
            table.row(job.id().value(), job.status().name(), Integer.toString(job.steps().size()),
                    time(job.updatedAt()), job.reason().orElse(""));
        }
        return table.render();
    }

    /** {@code job status ID}: the job, its usage and a table of its steps. */
    String status(JobInfo job) {
        Instant now = clock.instant();
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("job ").append(job.id()).append(job.name().map(name -> " (" + name + ")").orElse("")).append(nl);
        text.append(field("status", job.status() + job.reason().map(reason -> ": " + reason).orElse("")));
        text.append(field("prompt", firstLine(job.prompt())));
        text.append(field("repo", job.repo() + " at " + job.base() + " (" + shortCommit(job.baseCommit()) + ")"));
        text.append(field("branch", job.branch()));
        text.append(field("workspace", job.workspace().toString()));
        text.append(field("runner", job.settings().runner()));
        text.append(field("agents", JobFacts.agentsByRole(job).entrySet().stream()
                .map(role -> role.getKey() + "=" + role.getValue()).collect(Collectors.joining(", "))));
        text.append(field("usage", usage(job.usage()) + ", " + Durations.forPeople(JobFacts.wallTime(job, now))
                + " in steps"));
        text.append(field("limits", limits(job.settings().limits())));
        text.append(field("created", time(job.createdAt()) + ", updated " + time(job.updatedAt())));
        if (!job.steps().isEmpty()) {
            text.append(nl).append(steps(job, now));
        }
        List<String> hints = NextSteps.of(job);
        if (!hints.isEmpty()) {
            text.append(nl);
            hints.forEach(hint -> text.append(hint).append(nl));
        }
        return text.toString();
    }

    /** A cost for people: {@code $0.0123}, or {@code -} when the agent did not report one. */
    static String cost(Optional<BigDecimal> costUsd) {
        return costUsd.map(cost -> "$" + cost.toPlainString()).orElse(NONE);
    }

    private static String steps(JobInfo job, Instant now) {
        Table table = new Table("N", "ROLE", "AGENT", "OUTCOME", "TIME", "COST", "TOKENS", "REASON");
        for (StepInfo step : job.steps()) {
            table.row(Integer.toString(step.n()), step.role(), step.agent(),
                    step.outcome().map(Enum::name).orElse(step.phase().name()),
                    Durations.forPeople(JobFacts.wallTime(step, now)), cost(step.usage().costUsd()),
                    Long.toString(step.usage().totalTokens()), step.reason().orElse(""));
        }
        return table.render();
    }

    private static String usage(Usage usage) {
        return usage.inputTokens() + " input + " + usage.outputTokens() + " output tokens, cost "
                + cost(usage.costUsd());
    }

    private static String limits(Limits limits) {
        return limits.maxSteps() + " steps, " + limits.maxRounds() + " rounds, cost "
                + cost(limits.maxCostUsd()) + ", tokens " + limits.maxTokens().map(String::valueOf).orElse(NONE)
                + ", " + Durations.asSetting(limits.maxWallTime()) + " in all, "
                + Durations.asSetting(limits.stepTimeout()) + " per step, "
                + Durations.asSetting(limits.idleTimeout()) + " idle";
    }

    private static String field(String label, String value) {
        return String.format("%-10s %s%n", label + ":", value);
    }

    private static String firstLine(String prompt) {
        String line = prompt.strip().lines().findFirst().orElse("");
        boolean cut = line.length() > PROMPT_WIDTH || !line.equals(prompt.strip());
        return (line.length() > PROMPT_WIDTH ? line.substring(0, PROMPT_WIDTH) : line) + (cut ? " ..." : "");
    }

    private static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
