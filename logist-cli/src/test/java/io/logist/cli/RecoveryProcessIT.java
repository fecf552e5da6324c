package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only shows across real processes: many runs racing for one job, a step whose agent outlives the
 * killed CLI and is re-attached by {@code job recover}, and {@code job attach} following a run of another
 * process.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecoveryProcessIT {
    @TempDir
    Path dir;

    private CliProcesses cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = CliProcesses.inNewRepository(dir);
    }

    @Test
    void eightRunsRacingForOneJobOneRunsSevenExit3AndTheJobSucceedsOnce() throws Exception {
        // Each step lasts long enough for all eight JVMs to start and reach the lock, even on a busy machine.
        String id = cli.createJob("agents.mock.scenario=slow", "agents.mock.seconds=8");
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(cli.start("job", "run", id, "--quiet"));
        }
        List<CliProcesses.Result> results = new ArrayList<>();
        for (Process run : runs) {
            results.add(CliProcesses.finish(run));
        }

        assertThat(results).extracting(CliProcesses.Result::exitCode).containsOnly(0, 3)
                .filteredOn(code -> code == 0).hasSize(1);
        assertThat(results).filteredOn(r -> r.exitCode() == 3)
                .allSatisfy(r -> assertThat(r.err()).contains("job " + id + " is locked by pid "));
        assertThat(cli.manifest(id).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(cli.events(id).ofType("job.state")).filteredOn(e -> e.path("to").asText().equals("SUCCESS"))
                .hasSize(1);
        assertThat(cli.events(id).ofType("job.state")).filteredOn(e -> e.path("to").asText().equals("RUNNING"))
                .hasSize(1);
    }

    @Test
    void anAgentThatOutlivesTheKilledCliIsReattachedByRecover() throws Exception {
        String id = cli.createJob("agents.mock.scenario=slow", "agents.mock.seconds=5");
        Process run = cli.start("job", "run", id, "--quiet");
        awaitUntil("the agent of step 1 to print", () -> !cli.events(id).ofType("step.usage").isEmpty());
        JsonNode started = cli.events(id).ofType("step.execution").get(0);
        long agent = started.path("execution").path("pid").asLong();

        run.destroyForcibly();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(ProcessHandle.of(agent)).as("the agent outlives the CLI").hasValueSatisfying(handle ->
                assertThat(handle.isAlive()).isTrue());
        assertThat(cli.manifest(id).path("status").asText()).isEqualTo("RUNNING");
        CliProcesses.Result recovered = cli.run("job", "recover", id);
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(recovered.out()).contains("job " + id + " recovered: PENDING");
        CliProcesses.Events events = cli.events(id);
        assertThat(events.ofType("step.reattached")).singleElement().satisfies(reattached ->
                assertThat(reattached.path("execution")).isEqualTo(started.path("execution")));
        assertThat(events.ofType("step.interrupted")).isEmpty();
        JsonNode step = cli.manifest(id).path("steps").get(0);
        assertThat(step.path("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(step.path("exitCode").asInt()).isZero();
        assertThat(cli.processesOf(id)).isEmpty();

        CliProcesses.Result rest = cli.run("job", "run", id, "--quiet");
        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(rest.lastLine()).isEqualTo("job " + id + " SUCCESS");
        assertThat(cli.manifest(id).path("steps")).hasSize(2);
    }

    @Test
    void attachFollowsARunOfAnotherProcessToItsEnd() throws Exception {
        String id = cli.createJob("agents.mock.scenario=slow", "agents.mock.seconds=2");
        Process run = cli.start("job", "run", id, "--quiet");
        awaitUntil("the run to take the job", () -> !cli.events(id).ofType("step.started").isEmpty());

        CliProcesses.Result attached = cli.run("job", "attach", id);

        assertThat(attached.exitCode()).as(attached.err()).isZero();
        assertThat(attached.out()).contains("[1] mock: working (2/2)", "step 1 worker finished: COMPLETED",
                "step 2 supervisor finished: COMPLETED");
        assertThat(attached.lastLine()).isEqualTo("job " + id + " SUCCESS");
        assertThat(CliProcesses.finish(run).exitCode()).isZero();
        assertThat(cli.run("job", "recover", "--all").out()).contains("no job needed recovery");
    }

    private static void awaitUntil(String what, ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            assertThat(System.nanoTime() - deadline).as("waiting for %s", what).isNegative();
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    @FunctionalInterface
    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
