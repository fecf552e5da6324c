package io.logist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logist.Durations;
import io.logist.JobInfo;
import io.logist.Limits;
import io.logist.PastStep;
import io.logist.PluginInfo;
import io.logist.RoleSettings;
import io.logist.StepInfo;
import io.logist.StepPreview;
import io.logist.Usage;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the read commands print for people; {@link JsonViews} is the stable machine output. */
final class TextViews {
    private static final int PROMPT_WIDTH = 72;
    private static final String NONE = "-";
    /** Arguments made only of these characters need no quotes in a POSIX shell. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

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
        text.append(field("usage", usage(job.usage()) + ", " + DurationTexts.forPeople(JobFacts.wallTime(job, now))
                + " in steps"));
        text.append(field("limits", limits(job.settings().limits())));
        text.append(field("created", time(job.createdAt()) + ", updated " + time(job.updatedAt())));
        if (job.run() > 1) {
            text.append(field("run", job.run() + " (earlier runs are in the history below)"));
        }
        job.message().ifPresent(message -> text.append(field("message", firstLine(message)
                + " (for the next worker step)")));
        if (!job.steps().isEmpty()) {
            text.append(nl).append(steps(job, now));
        }
        if (!job.history().isEmpty()) {
            text.append(nl).append("superseded steps, kept in the history:").append(nl).append(history(job));
        }
        List<String> hints = NextSteps.of(job);
        if (!hints.isEmpty()) {
            text.append(nl);
            hints.forEach(hint -> text.append(hint).append(nl));
        }
        return text.toString();
    }

    /** {@code job preview ID}: the next step's role, command line, variable names and exact prompt. */
    static String preview(StepPreview preview) {
        String nl = System.lineSeparator();
        return "next step " + preview.step() + ": " + preview.role() + " (" + preview.agent() + ") on "
                + preview.runner() + nl
                + field("command", preview.command().stream().map(TextViews::shellWord)
                        .collect(Collectors.joining(" ")))
                + field("env", preview.environmentNames().isEmpty() ? NONE
                        : String.join(" ", preview.environmentNames()) + " (values not shown)")
                + "prompt:" + nl + preview.prompt() + (preview.prompt().endsWith("\n") ? "" : nl);
    }

    /**
     * {@code job events ID}: {@code seq ts type step details}, the details being the event's other fields as
     * {@code key=value}, so every event type, present and future, reads the same way.
     */
    static String event(JobEvent event) {
        if (event instanceof JobCreated created) {
            // It carries the whole first manifest, for rebuilding; people need only which job it was.
            return event.seq() + " " + event.ts() + " " + event.type() + " " + NONE + " id=" + created.job().id();
        }
        ObjectNode fields = JsonViews.event(event);
        fields.remove(List.of("seq", "ts", "type", "step"));
        List<String> details = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            details.add(field.getKey() + "=" + detail(field.getValue()));
        }
        return event.seq() + " " + event.ts() + " " + event.type() + " "
                + event.step().map(String::valueOf).orElse(NONE)
                + (details.isEmpty() ? "" : " " + String.join(" ", details));
    }

    /** {@code role list}: one row per role. */
    static String roles(List<RoleSettings> roles) {
        Table table = new Table("ROLE", "AGENT", "INSTRUCTIONS");
        roles.forEach(role -> table.row(role.name(), role.agent(), firstLine(role.instructions())));
        return table.render();
    }

    /** {@code role inspect NAME}: the role with its full instructions. */
    static String role(RoleSettings role) {
        String nl = System.lineSeparator();
        String instructions = role.instructions().strip();
        return field("role", role.name()) + field("agent", role.agent()) + "instructions:" + nl
                + instructions + (instructions.isEmpty() ? "" : nl);
    }

    /** {@code plugins}: one row per runner and agent, with what its probe found. */
    static String plugins(List<PluginInfo> plugins) {
        Table table = new Table("KIND", "ID", "VERSION", "AVAILABLE", "TOOL", "CLASS", "DETAIL");
        for (PluginInfo plugin : plugins) {
            table.row(plugin.kind().name().toLowerCase(Locale.ROOT), plugin.id(), plugin.version().orElse(NONE),
                    plugin.probe().available() ? "yes" : "no", plugin.probe().version().orElse(NONE),
                    plugin.className(), plugin.probe().detail());
        }
        return table.render();
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
                    DurationTexts.forPeople(JobFacts.wallTime(step, now)), cost(step.usage().costUsd()),
                    Long.toString(step.usage().totalTokens()), step.reason().orElse(""));
        }
        return table.render();
    }

    private static String history(JobInfo job) {
        Table table = new Table("RUN", "BY", "N", "ROLE", "AGENT", "OUTCOME", "COMMIT", "REASON");
        for (PastStep past : job.history()) {
            StepInfo step = past.step();
            table.row(Integer.toString(past.run()), past.by(), Integer.toString(step.n()), step.role(), step.agent(),
                    step.outcome().map(Enum::name).orElse(step.phase().name()),
                    step.commit().map(TextViews::shortCommit).orElse(NONE), step.reason().orElse(""));
        }
        return table.render();
    }

    /** A field value on one line: plain text when it reads unambiguously, else JSON. */
    private static String detail(JsonNode value) {
        if (value.isTextual() && SHELL_SAFE.matcher(value.asText()).matches()) {
            return value.asText();
        }
        return JsonViews.writeLine(value);
    }

    /** The argument as a POSIX shell reads it back: quoted only when it has to be. */
    private static String shellWord(String argument) {
        if (SHELL_SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String usage(Usage usage) {
        return usage.inputTokens() + " input + " + usage.outputTokens() + " output tokens, cost "
                + cost(usage.costUsd());
    }

    private static String limits(Limits limits) {
        return limits.maxSteps() + " steps, " + limits.maxRounds() + " rounds, cost "
                + cost(limits.maxCostUsd()) + ", tokens " + limits.maxTokens().map(String::valueOf).orElse(NONE)
                + ", " + Durations.format(limits.maxWallTime()) + " in all, "
                + Durations.format(limits.stepTimeout()) + " per step, "
                + Durations.format(limits.idleTimeout()) + " idle";
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
