package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.cli.InProcessCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, in-process through {@link Main#run}: a real engine, a real git repository, a temporary
 * Logist home and the mock agent.
 */
class CliTest {
    @TempDir
    Path dir;

    private InProcessCli cli;

    @BeforeEach
    void gitRepository() throws Exception {
        cli = InProcessCli.inNewRepository(dir);
    }

    private String git(String... args) throws Exception {
        return TestRepository.git(cli.repo(), args);
    }

    private Result run(String... args) {
        return cli.run(args);
    }

    private String activeMockJob(String scenario) {
        return cli.activeMockJob(scenario);
    }

    @Test
    void createActivateAndRunASuccessfulJob() throws Exception {
        String id = activeMockJob("success");
        assertThat(id).matches("[a-z0-9][a-z0-9-]*");

        Result run = run("job", "run", id);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("step 1 worker (mock) started", "step 2 supervisor (mock) started");
        assertThat(run.lastLine()).isEqualTo("job " + id + " SUCCESS");

        JsonNode status = run("job", "status", id, "--json").json();
        assertThat(status.get("id").asText()).isEqualTo(id);
        assertThat(status.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(status.get("reason").isNull()).isTrue();
        assertThat(status.get("prompt").asText()).isEqualTo("Write the greeting");
        assertThat(Path.of(status.get("repo").asText()).toRealPath()).isEqualTo(cli.repo().toRealPath());
        assertThat(status.get("base").asText()).isEqualTo(git("rev-parse", "HEAD"));
        assertThat(status.get("branch").asText()).isEqualTo("logist/" + id);
        assertThat(Path.of(status.get("workspace").asText())).isDirectory();
        assertThat(status.get("agents").get("worker").asText()).isEqualTo("mock");
        assertThat(status.get("agents").get("supervisor").asText()).isEqualTo("mock");
        assertThat(status.get("usage").get("inputTokens").asLong()).isPositive();
        assertThat(status.get("limits").get("maxSteps").asInt()).isPositive();
        JsonNode steps = status.get("steps");
        assertThat(steps.size()).isEqualTo(2);
        assertThat(steps.get(0).get("role").asText()).isEqualTo("worker");
        assertThat(steps.get(1).get("role").asText()).isEqualTo("supervisor");
        for (JsonNode step : steps) {
            assertThat(step.get("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(step.get("commit").asText()).isNotBlank();
            assertThat(Path.of(step.get("log").asText())).isAbsolute().isRegularFile();
        }
    }

    @Test
    void stepRunsOneStepAndLeavesTheJobPending() throws Exception {
        String id = activeMockJob("success");

        Result step = run("job", "step", id);

        assertThat(step.exitCode()).as(step.err()).isZero();
        assertThat(step.lastLine()).isEqualTo("job " + id + " PENDING");
        assertThat(run("job", "status", id, "--json").json().get("steps").size()).isEqualTo(1);
    }

    @Test
    void aRevisionTakesFourSteps() throws Exception {
        String id = activeMockJob("revise-once");

        Result run = run("job", "run", "--quiet", id);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("job " + id + " SUCCESS");
        JsonNode steps = run("job", "status", id, "--json").json().get("steps");
        assertThat(steps.size()).isEqualTo(4);
        assertThat(steps.get(1).get("outcome").asText()).isEqualTo("RETRY");
    }

    @Test
    void aStuckWorkerNeedsInterventionWithExitCodeTen() throws Exception {
        String id = activeMockJob("stuck");

        Result run = run("job", "run", id);

        assertThat(run.exitCode()).isEqualTo(10);
        assertThat(run.lastLine()).startsWith("job " + id + " INTERVENTION_REQUIRED");
        assertThat(run.err()).contains("logist job status " + id).contains("1-worker.log");
        assertThat(run("job", "status", id, "--json").json().get("status").asText())
                .isEqualTo("INTERVENTION_REQUIRED");
    }

    @Test
    void listShowsEveryJob() throws Exception {
        String draft = run("job", "create", "--prompt", "later", "--agent", "mock").lastLine();
        String active = activeMockJob("success");

        JsonNode list = run("job", "list", "--json").json();
        assertThat(list.findValuesAsText("id")).containsExactlyInAnyOrder(draft, active);
        assertThat(list.get(0).fieldNames()).toIterable()
                .containsExactly("id", "status", "reason", "repo", "createdAt", "updatedAt");

        Result pending = run("job", "list", "--status", "pending");
        assertThat(pending.exitCode()).isZero();
        assertThat(pending.out()).contains(active).doesNotContain(draft).startsWith("ID ");
    }

    @Test
    void badInputIsRefusedWithExitCodeTwoAndChangesNothing() throws Exception {
        String existing = activeMockJob("success");
        String before = run("job", "list", "--json").out();
        Path notARepo = Files.createDirectories(dir.resolve("plain"));

        assertRefused(List.of("job", "create", "--prompt", "x", "--set", "limits.maxSteps"), "is not key=value");
        assertRefused(List.of("job", "create", "--prompt", "x", "--set", "limits.noSuchLimit=3"), "noSuchLimit");
        assertRefused(List.of("job", "create", "--prompt", "x", "--max-steps", "-1"), "maxSteps");
        assertRefused(List.of("job", "create", "--agent", "mock"), "prompt");
        assertRefused(List.of("job", "create", "--prompt", "x", "--repo", notARepo.toString()), notARepo.toString());
        assertRefused(List.of("job", "create", "--prompt", "x", "--agent", "no-such-agent"), "no-such-agent");
        assertRefused(List.of("job", "status", "no-such-job"), "no-such-job");
        assertRefused(List.of("job", "run", "no-such-job"), "no-such-job");
        assertRefused(List.of("job", "activate", existing), existing);

        assertThat(run("job", "list", "--json").out()).isEqualTo(before);
    }

    private void assertRefused(List<String> args, String named) {
        Result result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("%s: %s", args, result.err()).isEqualTo(2);
        assertThat(result.err()).as("%s", args).startsWith("logist: ").contains(named).doesNotContain("\tat ");
        assertThat(result.out()).as("%s", args).isEmpty();
    }
}
