package io.logist.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.logist.Durations;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.Limits;
import io.logist.PastStep;
import io.logist.PluginInfo;
import io.logist.RoleSettings;
import io.logist.StepInfo;
import io.logist.StepPreview;
import io.logist.Usage;
import io.logist.event.JobEvent;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The machine output of SPEC section 9. It is built field by field from the API's values rather than by
 * serializing them, so that it stays the documented shape whatever the records gain: additive changes
 * only. Absent values are written as {@code null}, times as ISO-8601 UTC, limits' durations as
 * {@code logist.yml} writes them.
 */
final class JsonViews {
    /** Writes the trees built here; one mapper serves both the indented and the one-line form. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /**
     * Turns event records into trees the way the file store writes them to {@code events.jsonl}: empty
     * optionals left out, instants as ISO-8601 text, job ids and paths as plain text, map keys sorted, decimals
     * as written. A holder class, so that only the commands that print events pay for building it.
     */
    private static final class Events {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule()
                        .addSerializer(JobId.class, ToStringSerializer.instance)
                        .addSerializer(Path.class, ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Clock clock;

    /** @param clock what "now" is for the wall time of a step still running */
    JsonViews(Clock clock) {
        this.clock = clock;
    }

    /** {@code job status ID --json}. */
    ObjectNode status(JobInfo job) {
        Instant now = clock.instant();
        ObjectNode node = NODES.objectNode();
        node.put("id", job.id().value());
        node.put("name", job.name().orElse(null));
        node.put("status", job.status().name());
        node.put("reason", job.reason().orElse(null));
        node.put("prompt", job.prompt());
        node.put("repo", job.repo().toString());
        node.put("base", job.baseCommit());
        node.put("baseRef", job.base());
        node.put("branch", job.branch());
        node.put("workspace", job.workspace().toString());
        node.put("runner", job.settings().runner());
        ObjectNode agents = node.putObject("agents");
        JobFacts.agentsByRole(job).forEach(agents::put);
        node.put("createdAt", job.createdAt().toString());
        node.put("updatedAt", job.updatedAt().toString());
        node.set("usage", usage(job.usage(), JobFacts.wallTime(job, now)));
        node.set("limits", limits(job.settings().limits()));
        node.put("run", job.run());
        node.put("message", job.message().orElse(null));
        ArrayNode steps = node.putArray("steps");
        job.steps().forEach(step -> steps.add(step(job, step, now)));
        ArrayNode history = node.putArray("history");
        for (PastStep past : job.history()) {
            ObjectNode entry = history.addObject();
            entry.put("run", past.run());
            entry.put("by", past.by());
            entry.set("step", step(job, past.step(), now));
        }
        return node;
    }

    /** {@code job preview ID --json}: what the next step would run; environment values are never shown. */
    static ObjectNode preview(StepPreview preview) {
        ObjectNode node = NODES.objectNode();
        node.put("step", preview.step());
        node.put("role", preview.role());
        node.put("agent", preview.agent());
        node.put("runner", preview.runner());
        node.put("prompt", preview.prompt());
        preview.command().forEach(node.putArray("command")::add);
        preview.environmentNames().forEach(node.putArray("environmentNames")::add);
        return node;
    }

    /**
     * {@code job events ID --json}: one event in the flat form of {@code events.jsonl},
     * {@code {"seq","ts","type","step"?, ...the record's other components}}; a step event's number, the
     * record's {@code n}, is written once, as {@code step}.
     */
    static ObjectNode event(JobEvent event) {
        ObjectNode components = Events.MAPPER.valueToTree(event);
        ObjectNode line = NODES.objectNode();
        line.put("seq", event.seq());
        line.set("ts", components.get("ts"));
        line.put("type", event.type());
        event.step().ifPresent(step -> line.put("step", step));
        components.remove(List.of("seq", "ts", "n"));
        line.setAll(components);
        return line;
    }

    /** {@code role list --json}. */
    static ArrayNode roles(List<RoleSettings> roles) {
        ArrayNode array = NODES.arrayNode();
        roles.forEach(role -> array.add(role(role)));
        return array;
    }

    /** {@code role inspect NAME --json}. */
    static ObjectNode role(RoleSettings role) {
        ObjectNode node = NODES.objectNode();
        node.put("name", role.name());
        node.put("agent", role.agent());
        node.put("instructions", role.instructions());
        return node;
    }

    /** {@code plugins --json}. */
    static ArrayNode plugins(List<PluginInfo> plugins) {
        ArrayNode array = NODES.arrayNode();
        for (PluginInfo plugin : plugins) {
            ObjectNode node = array.addObject();
            node.put("kind", plugin.kind().name().toLowerCase(Locale.ROOT));
            node.put("id", plugin.id());
            node.put("version", plugin.version().orElse(null));
            node.put("className", plugin.className());
            node.put("available", plugin.probe().available());
            node.put("detail", plugin.probe().detail());
            node.put("toolVersion", plugin.probe().version().orElse(null));
        }
        return array;
    }

    /** {@code job list --json}. */
    ArrayNode list(List<JobInfo> jobs) {
        ArrayNode array = NODES.arrayNode();
        for (JobInfo job : jobs) {
            ObjectNode node = array.addObject();
            node.put("id", job.id().value());
            node.put("status", job.status().name());
            node.put("reason", job.reason().orElse(null));
            node.put("repo", job.repo().toString());
            node.put("createdAt", job.createdAt().toString());
            node.put("updatedAt", job.updatedAt().toString());
        }
        return array;
    }

    /** The node as indented JSON text. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; failing here is a bug, not an input problem.
            throw new UncheckedIOException(e);
        }
    }

    /** The node as JSON text on one line, for output read line by line. */
    static String writeLine(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode step(JobInfo job, StepInfo step, Instant now) {
        ObjectNode node = NODES.objectNode();
        node.put("n", step.n());
        node.put("role", step.role());
        node.put("agent", step.agent());
        node.put("runner", step.runner());
        node.put("phase", step.phase().name());
        node.put("outcome", step.outcome().map(Enum::name).orElse(null));
        node.put("reason", step.reason().orElse(null));
        node.put("reask", step.reask());
        node.put("startedAt", step.startedAt().toString());
        node.put("endedAt", step.endedAt().map(Instant::toString).orElse(null));
        node.put("exitCode", step.exitCode().orElse(null));
        node.put("commit", step.commit().orElse(null));
        node.put("sessionId", step.sessionId().orElse(null));
        node.put("summary", step.summary().orElse(null));
        node.set("usage", usage(step.usage(), JobFacts.wallTime(step, now)));
        node.put("log", JobFacts.stepLog(job, step).toString());
        return node;
    }

    private static ObjectNode usage(Usage usage, Duration wallTime) {
        ObjectNode node = NODES.objectNode();
        node.put("inputTokens", usage.inputTokens());
        node.put("outputTokens", usage.outputTokens());
        node.put("costUsd", usage.costUsd().orElse(null));
        node.put("wallSeconds", JobFacts.seconds(wallTime));
        return node;
    }

    private static ObjectNode limits(Limits limits) {
        ObjectNode node = NODES.objectNode();
        node.put("maxSteps", limits.maxSteps());
        node.put("maxRounds", limits.maxRounds());
        node.put("maxCostUsd", limits.maxCostUsd().orElse(null));
        node.put("maxTokens", limits.maxTokens().orElse(null));
        node.put("maxWallTime", Durations.format(limits.maxWallTime()));
        node.put("stepTimeout", Durations.format(limits.stepTimeout()));
        node.put("idleTimeout", Durations.format(limits.idleTimeout()));
        return node;
    }
}
