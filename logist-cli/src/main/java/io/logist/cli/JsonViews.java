package io.logist.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logist.JobInfo;
import io.logist.Limits;
import io.logist.StepInfo;
import io.logist.Usage;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The machine output of SPEC section 9. It is built field by field from the API's values rather than by
 * serializing them, so that it stays the documented shape whatever the records gain: additive changes
 * only. Absent values are written as {@code null}, times as ISO-8601 UTC, limits' durations as
 * {@code logist.yml} writes them.
 */
final class JsonViews {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
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
        ArrayNode steps = node.putArray("steps");
        job.steps().forEach(step -> steps.add(step(job, step, now)));
        return node;
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
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; failing here is a bug, not an input problem.
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
        node.put("maxWallTime", Durations.asSetting(limits.maxWallTime()));
        node.put("stepTimeout", Durations.asSetting(limits.stepTimeout()));
        node.put("idleTimeout", Durations.asSetting(limits.idleTimeout()));
        return node;
    }
}
