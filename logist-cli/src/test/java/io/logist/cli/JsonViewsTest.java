package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.JobInfo;
import io.logist.JobStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
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
}
