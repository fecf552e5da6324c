package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.PluginInfo;
import io.logist.RoleSettings;
import io.logist.StepOutcome;
import io.logist.StepPreview;
import io.logist.Usage;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobCreated;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.spi.Probe;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonViewsTest {
    /** Five seconds after the running supervisor step started. */
    private final Clock clock = Clock.fixed(Jobs.CREATED.plusSeconds(25), ZoneOffset.UTC);
    private final JsonViews views = new JsonViews(clock);

    private JobInfo runningJob() {
        JobInfo job = Jobs.job("fix-login-3f9a", JobStatus.RUNNING, Optional.empty());
        return job.withStep(Jobs.finishedWorker(), Jobs.CREATED.plusSeconds(13))
                .withStep(Jobs.runningSupervisor(), Jobs.CREATED.plusSeconds(20));
    }

    private static JsonNode reparse(JsonNode node) throws Exception {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(JsonViews.write(node));
    }

    @Test
    void statusHasTheDocumentedFieldsInOrder() throws Exception {
        JsonNode status = reparse(views.status(runningJob()));

        assertThat(status.fieldNames()).toIterable().containsSubsequence("id", "status", "reason", "prompt", "repo",
                "base", "branch", "workspace", "runner", "agents", "createdAt", "updatedAt", "usage", "limits",
                "steps");
        assertThat(status.get("steps").get(0).fieldNames()).toIterable().containsSubsequence("n", "role", "agent",
                "runner", "phase", "outcome", "reason", "startedAt", "endedAt", "exitCode", "commit", "sessionId",
                "usage", "log");
    }

    @Test
    void statusWritesTheJobsValues() throws Exception {
        JsonNode status = reparse(views.status(runningJob()));

        assertThat(status.get("id").asText()).isEqualTo("fix-login-3f9a");
        assertThat(status.get("status").asText()).isEqualTo("RUNNING");
        assertThat(status.get("reason").isNull()).isTrue();
        assertThat(status.get("base").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(status.get("baseRef").asText()).isEqualTo("main");
        assertThat(status.get("branch").asText()).isEqualTo("logist/fix-login-3f9a");
        assertThat(status.get("workspace").asText()).isEqualTo("/home/u/.logist/jobs/fix-login-3f9a/workspace");
        assertThat(status.get("agents").toString()).isEqualTo("{\"worker\":\"mock\",\"supervisor\":\"claude-code\"}");
        assertThat(status.get("createdAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(status.get("updatedAt").asText()).isEqualTo("2026-11-22T10:00:20Z");
    }

    @Test
    void usageSumsTheStepsAndCountsARunningStepUpToNow() throws Exception {
        JsonNode usage = reparse(views.status(runningJob())).get("usage");

        assertThat(usage.get("inputTokens").asLong()).isEqualTo(1200);
        assertThat(usage.get("outputTokens").asLong()).isEqualTo(300);
        assertThat(usage.get("costUsd").decimalValue()).isEqualByComparingTo("0.01");
        // 2.5 s of the finished worker + 5 s of the supervisor that is still running.
        assertThat(usage.get("wallSeconds").decimalValue()).isEqualByComparingTo("7.5");
    }

    @Test
    void unknownCostIsNull() throws Exception {
        JsonNode status = reparse(views.status(Jobs.job("a", JobStatus.PENDING, Optional.empty())));

        assertThat(status.get("usage").get("costUsd").isNull()).isTrue();
        assertThat(status.get("usage").get("wallSeconds").decimalValue()).isZero();
        assertThat(status.get("steps").size()).isZero();
    }

    @Test
    void limitsWriteDurationsAsSettingTextAndTheCostAsWritten() throws Exception {
        JsonNode limits = reparse(views.status(runningJob())).get("limits");

        assertThat(limits.fieldNames()).toIterable().containsExactly("maxSteps", "maxRounds", "maxCostUsd",
                "maxTokens", "maxWallTime", "stepTimeout", "idleTimeout");
        assertThat(limits.get("maxSteps").asInt()).isEqualTo(20);
        assertThat(limits.get("maxRounds").asInt()).isEqualTo(5);
        assertThat(limits.get("maxTokens").isNull()).isTrue();
        assertThat(limits.get("maxWallTime").asText()).isEqualTo("2h");
        assertThat(limits.get("stepTimeout").asText()).isEqualTo("30m");
        assertThat(limits.get("idleTimeout").asText()).isEqualTo("5m");
        assertThat(JsonViews.write(views.status(runningJob()))).contains("\"maxCostUsd\" : 5.00,");
    }

    @Test
    void stepsWriteAbsentValuesAsNullAndTheLogAsAnAbsolutePath() throws Exception {
        JsonNode steps = reparse(views.status(runningJob())).get("steps");

        JsonNode worker = steps.get(0);
        assertThat(worker.get("n").asInt()).isEqualTo(1);
        assertThat(worker.get("phase").asText()).isEqualTo("DONE");
        assertThat(worker.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(worker.get("endedAt").asText()).isEqualTo("2026-11-22T10:00:12.500Z");
        assertThat(worker.get("exitCode").asInt()).isZero();
        assertThat(worker.get("commit").asText()).isEqualTo("fedcba9876543210fedcba9876543210fedcba98");
        assertThat(worker.get("sessionId").asText()).isEqualTo("session-1");
        assertThat(worker.get("usage").get("wallSeconds").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(worker.get("log").asText()).isEqualTo("/home/u/.logist/jobs/fix-login-3f9a/logs/1-worker.log");

        JsonNode supervisor = steps.get(1);
        assertThat(supervisor.get("phase").asText()).isEqualTo("EXECUTING");
        for (String field : List.of("outcome", "reason", "endedAt", "exitCode", "commit", "sessionId")) {
            assertThat(supervisor.get(field).isNull()).as(field).isTrue();
        }
        assertThat(supervisor.get("usage").get("costUsd").isNull()).isTrue();
        assertThat(supervisor.get("usage").get("wallSeconds").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void listHasOneObjectPerJobWithTheDocumentedFields() throws Exception {
        JsonNode list = reparse(views.list(List.of(
                Jobs.job("a", JobStatus.PENDING, Optional.empty()),
                Jobs.job("b", JobStatus.INTERVENTION_REQUIRED, Optional.of("worker said STUCK")))));

        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).fieldNames()).toIterable()
                .containsExactly("id", "status", "reason", "repo", "createdAt", "updatedAt");
        assertThat(list.get(0).get("reason").isNull()).isTrue();
        assertThat(list.get(1).get("status").asText()).isEqualTo("INTERVENTION_REQUIRED");
        assertThat(list.get(1).get("reason").asText()).isEqualTo("worker said STUCK");
        assertThat(list.get(1).get("repo").asText()).isEqualTo("/src/app");
    }

    @Test
    void statusHasTheRunTheMessageAndTheSupersededStepsAsFullStepObjects() throws Exception {
        JobInfo job = Jobs.job("fix-login-3f9a", JobStatus.PENDING, Optional.empty())
                .withStep(Jobs.finishedWorker(), Jobs.CREATED.plusSeconds(13))
                .withStepsSuperseded(1, "rerun", 2, Jobs.CREATED.plusSeconds(30))
                .withMessage(Optional.of("Keep the old API"), Jobs.CREATED.plusSeconds(31));

        JsonNode status = reparse(views.status(job));

        assertThat(status.get("run").asInt()).isEqualTo(2);
        assertThat(status.get("message").asText()).isEqualTo("Keep the old API");
        assertThat(status.get("steps").size()).isZero();
        JsonNode past = status.get("history").get(0);
        assertThat(past.fieldNames()).toIterable().containsExactly("run", "by", "step");
        assertThat(past.get("run").asInt()).isEqualTo(1);
        assertThat(past.get("by").asText()).isEqualTo("rerun");
        assertThat(past.get("step")).isEqualTo(reparse(views.status(runningJob())).get("steps").get(0));
    }

    @Test
    void aJobWithoutHistoryHasAnEmptyHistoryAndNoMessage() throws Exception {
        JsonNode status = reparse(views.status(runningJob()));

        assertThat(status.get("run").asInt()).isEqualTo(1);
        assertThat(status.get("message").isNull()).isTrue();
        assertThat(status.get("history").isArray()).isTrue();
        assertThat(status.get("history").size()).isZero();
    }

    @Test
    void previewHasTheCommandAndTheVariableNamesOnly() throws Exception {
        JsonNode preview = reparse(JsonViews.preview(new StepPreview(3, "worker", "mock", "host", "Do it\n",
                List.of("sh", "-c", "echo hi"), List.of("HOME", "MOCK_ROLE"))));

        assertThat(preview.fieldNames()).toIterable()
                .containsExactly("step", "role", "agent", "runner", "prompt", "command", "environmentNames");
        assertThat(preview.get("step").asInt()).isEqualTo(3);
        assertThat(preview.get("prompt").asText()).isEqualTo("Do it\n");
        assertThat(preview.get("command").toString()).isEqualTo("[\"sh\",\"-c\",\"echo hi\"]");
        assertThat(preview.get("environmentNames").toString()).isEqualTo("[\"HOME\",\"MOCK_ROLE\"]");
    }

    @Test
    void anEventIsOneFlatLineWithTheStepOnceAndAbsentValuesLeftOut() {
        StepFinished finished = new StepFinished(5, Jobs.CREATED.plusMillis(2100), 1, StepOutcome.COMPLETED,
                Optional.empty(), Optional.of(0), Optional.of("done"), Optional.of("abc"),
                Usage.of(10, 5, new BigDecimal("0.0200")));

        assertThat(JsonViews.writeLine(JsonViews.event(finished))).isEqualTo("{\"seq\":5,"
                + "\"ts\":\"2026-11-22T10:00:02.100Z\",\"type\":\"step.finished\",\"step\":1,\"outcome\":\"COMPLETED\","
                + "\"exitCode\":0,\"summary\":\"done\",\"commit\":\"abc\","
                + "\"usage\":{\"inputTokens\":10,\"outputTokens\":5,\"costUsd\":0.0200}}");
        assertThat(JsonViews.writeLine(JsonViews.event(new JobCreated(1, Jobs.CREATED,
                Jobs.job("a", JobStatus.DRAFT, Optional.empty())))))
                .startsWith("{\"seq\":1,\"ts\":\"2026-11-22T10:00:00Z\",\"type\":\"job.created\",\"job\":{")
                .contains("\"id\":\"a\"");
        assertThat(JsonViews.writeLine(JsonViews.event(new StateChanged(2, Jobs.CREATED, JobStatus.DRAFT,
                JobStatus.PENDING, "activate", Optional.empty()))))
                .isEqualTo("{\"seq\":2,\"ts\":\"2026-11-22T10:00:00Z\",\"type\":\"job.state\",\"from\":\"DRAFT\","
                        + "\"to\":\"PENDING\",\"action\":\"activate\"}");
    }

    @Test
    void anEventsMapsHaveTheirKeysSorted() {
        ExecutionStarted started = new ExecutionStarted(3, Jobs.CREATED, 1, List.of("sh"),
                Map.of("pid", "42", "host", "box"));

        assertThat(JsonViews.writeLine(JsonViews.event(started)))
                .endsWith("\"command\":[\"sh\"],\"execution\":{\"host\":\"box\",\"pid\":\"42\"}}");
    }

    @Test
    void rolesAndPluginsHaveTheirFields() throws Exception {
        JsonNode roles = reparse(JsonViews.roles(List.of(new RoleSettings("worker", "mock", "Do the work."))));
        assertThat(roles.get(0).toString())
                .isEqualTo("{\"name\":\"worker\",\"agent\":\"mock\",\"instructions\":\"Do the work.\"}");

        JsonNode plugins = reparse(JsonViews.plugins(List.of(
                new PluginInfo(PluginInfo.Kind.AGENT, "mock", Optional.of("0.1.0"), "io.logist.Mock",
                        Probe.available("sh found at /bin/sh", "5.2")),
                new PluginInfo(PluginInfo.Kind.RUNNER, "docker", Optional.empty(), "io.logist.Docker",
                        Probe.unavailable("docker not on PATH: install Docker")))));
        assertThat(plugins.get(0).toString()).isEqualTo("{\"kind\":\"agent\",\"id\":\"mock\",\"version\":\"0.1.0\","
                + "\"className\":\"io.logist.Mock\",\"available\":true,\"detail\":\"sh found at /bin/sh\","
                + "\"toolVersion\":\"5.2\"}");
        assertThat(plugins.get(1).get("available").asBoolean()).isFalse();
        assertThat(plugins.get(1).get("version").isNull()).isTrue();
        assertThat(plugins.get(1).get("toolVersion").isNull()).isTrue();
    }
}
