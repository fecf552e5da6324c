package io.logist.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.StepPhase;
import io.logist.Usage;
import io.logist.event.JobEvent;
import io.logist.event.PhaseChanged;
import io.logist.event.StateChanged;
import io.logist.testkit.JobStoreContractKit;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final JobId ID = JobId.of("fix-login-3f9a");
    private static final Instant CREATED = Instant.parse("2026-03-01T10:15:30.123456789Z");
    private static final JobInfo JOB = JobStoreContractKit.sampleJob(ID, CREATED);

    private static JsonNode tree(byte[] json) throws Exception {
        return Json.mapper().readTree(json);
    }

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void fullyPopulatedJobRoundTrips() {
        assertThat(JOB.steps()).hasSize(2);
        assertThat(JOB.usage().costUsd()).isPresent();
        assertThat(JOB.steps().get(1).usage().costUsd()).isEmpty();

        assertThat(Json.readJob(Json.writeJob(JOB))).isEqualTo(JOB);
    }

    @Test
    void jobIsWrittenIndentedWithPlainValues() throws Exception {
        byte[] json = Json.writeJob(JOB);
        JsonNode tree = tree(json);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\n  \"id\" : \"fix-login-3f9a\"");
        assertThat(tree.get("repo").textValue()).isEqualTo(Path.of("/work/repos/app").toString());
        assertThat(tree.at("/steps/0/log").textValue()).isEqualTo(Path.of("logs", "1-worker.log").toString());
        assertThat(tree.get("createdAt").textValue()).isEqualTo("2026-03-01T10:15:30.123456789Z");
        assertThat(tree.at("/settings/limits/stepTimeout").textValue()).isEqualTo("PT30M");
        assertThat(tree.at("/settings/limits/maxCostUsd").isNumber()).isTrue();
        assertThat(tree.at("/settings/limits/maxCostUsd").decimalValue()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void emptyOptionalsAreLeftOutAndReadBackEmpty() throws Exception {
        JsonNode tree = tree(Json.writeJob(JOB));

        assertThat(tree.has("reason")).isFalse();
        assertThat(tree.at("/steps/1").has("endedAt")).isFalse();
        assertThat(tree.at("/steps/1/usage").has("costUsd")).isFalse();
        assertThat(tree.at("/settings/limits").has("maxTokens")).isFalse();

        JobInfo read = Json.readJob(Json.writeJob(JOB));
        assertThat(read.reason()).isEmpty();
        assertThat(read.steps().get(1).endedAt()).isEmpty();
        assertThat(read.steps().get(1).usage().costUsd()).isEmpty();
    }

    @Test
    void nullOptionalsAreReadAsEmpty() throws Exception {
        String json = "{\"inputTokens\":1,\"outputTokens\":2,\"costUsd\":null}";

        assertThat(Json.mapper().readValue(json, Usage.class)).isEqualTo(new Usage(1, 2, Optional.empty()));
    }

    @Test
    void costsStayExactDecimals() throws Exception {
        BigDecimal sum = new BigDecimal("0.1").add(new BigDecimal("0.2"));
        String json = Json.mapper().writeValueAsString(Usage.of(1, 2, sum));

        assertThat(json).contains("\"costUsd\":0.3");
        assertThat(Json.mapper().readValue(json, Usage.class).costUsd()).contains(new BigDecimal("0.3"));
        assertThat(Json.mapper().readValue("{\"costUsd\":1.10}", Usage.class).costUsd())
                .contains(new BigDecimal("1.10"));
    }

    @Test
    void optionMapsKeepTheirValueTypes() throws Exception {
        Map<String, Object> options = Map.of("image", "ubuntu:24.04", "cpus", 2L, "memoryRatio",
                new BigDecimal("0.75"), "privileged", false, "ports", List.of(8080L, "9090"),
                "limits", Map.of("pids", 100L, "strict", true));
        JobSettings settings = JOB.settings();
        JobSettings withOptions = new JobSettings(settings.runner(), settings.workflow(), settings.roles(),
                settings.limits(), settings.requireApproval(), settings.branchPrefix(), settings.environment(),
                settings.agentOptions(), Map.of("docker", options), settings.sentinel(), settings.signals(),
                settings.harvestRemote());

        String json = Json.mapper().writeValueAsString(withOptions);
        JobSettings read = Json.mapper().readValue(json, JobSettings.class);

        assertThat(read).isEqualTo(withOptions);
        assertThat(read.runnerOptions("docker").get("cpus")).isInstanceOf(Long.class);
    }

    @Test
    void pathsAreReadFromPlainStrings() throws Exception {
        assertThat(Json.mapper().readValue("\"/tmp/a b/c\"", Path.class)).isEqualTo(Path.of("/tmp/a b/c"));
        assertThat(Json.mapper().writeValueAsString(Path.of("/tmp/a b/c")))
                .isEqualTo("\"" + Path.of("/tmp/a b/c").toString().replace("\\", "\\\\") + "\"");
    }

    @Test
    void everyEventTypeRoundTrips() {
        List<JobEvent> events = JobStoreContractKit.sampleEvents(ID);

        for (JobEvent event : events) {
            String line = Json.writeEvent(event);
            assertThat(line).doesNotContain("\n");
            assertThat(Json.readEvent(line)).isEqualTo(event);
        }
    }

    @Test
    void sampleEventsCoverEveryEventTypeAndTheTypeTable() {
        List<Class<?>> sampled = JobStoreContractKit.sampleEvents(ID).stream().<Class<?>>map(Object::getClass)
                .distinct().toList();

        assertThat(sampled).containsExactlyInAnyOrder(JobEvent.class.getPermittedSubclasses());
        for (JobEvent event : JobStoreContractKit.sampleEvents(ID)) {
            assertThat(FlatEventDeserializer.TYPES).containsEntry(event.type(), event.getClass());
        }
        assertThat(FlatEventDeserializer.TYPES).hasSameSizeAs(JobEvent.class.getPermittedSubclasses());
    }

    @Test
    void eventIsOneFlatObjectWithSeqTsTypeAndStepFirst() throws Exception {
        JobEvent event = new PhaseChanged(4, Instant.parse("2026-03-01T10:15:33Z"), 3, StepPhase.EXECUTING);

        JsonNode tree = tree(Json.writeEvent(event));

        List<String> names = new ArrayList<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).containsExactly("seq", "ts", "type", "step", "phase");
        assertThat(tree.get("seq").longValue()).isEqualTo(4);
        assertThat(tree.get("ts").textValue()).isEqualTo("2026-03-01T10:15:33Z");
        assertThat(tree.get("type").textValue()).isEqualTo("step.phase");
        assertThat(tree.get("step").intValue()).isEqualTo(3);
    }

    @Test
    void jobEventsHaveNoStep() throws Exception {
        JobEvent event = new StateChanged(2, Instant.parse("2026-03-01T10:15:33Z"), JobStatus.PENDING,
                JobStatus.RUNNING, "run", Optional.empty());

        JsonNode tree = tree(Json.writeEvent(event));

        assertThat(tree.has("step")).isFalse();
        assertThat(tree.has("reason")).isFalse();
        assertThat(tree.get("type").textValue()).isEqualTo("job.state");
        assertThat(tree.get("to").textValue()).isEqualTo("RUNNING");
    }

    @Test
    void unknownEventTypeIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Json.readEvent("{\"seq\":1,\"ts\":\"2026-03-01T10:15:33Z\",\"type\":\"job.exploded\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown event type 'job.exploded'");
    }

    @Test
    void eventWithoutTypeOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> Json.readEvent("{\"seq\":1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no \"type\"");
        assertThatThrownBy(() -> Json.readEvent("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> Json.readEvent("null")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.readEvent("{\"seq\":1,\"ts\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidJobIdInAManifestIsRefused() {
        String json = new String(Json.writeJob(JOB), StandardCharsets.UTF_8).replace("fix-login-3f9a", "Not Valid");

        assertThatThrownBy(() -> Json.readJob(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not Valid");
    }
}
