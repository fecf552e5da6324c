package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.cli.InProcessCli.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that look at a job and its change, in-process against the engine and the mock agent. */
class JobInspectionCliTest {
    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private InProcessCli cli;

    @BeforeEach
    void gitRepository() throws Exception {
        cli = InProcessCli.inNewRepository(dir);
    }

    private String finishedJob() {
        String id = cli.activeMockJob("success");
        cli.ok("job", "run", "--quiet", id);
        return id;
    }

    @Test
    void previewShowsTheNextStepWithoutChangingAnything() {
        String id = cli.activeMockJob("success");
        String before = cli.ok("job", "status", id, "--json").out() + cli.ok("job", "events", id).out();

        Result text = cli.ok("job", "preview", id);
        JsonNode json = cli.ok("job", "preview", id, "--json").json();

        assertThat(text.outLines().get(0)).isEqualTo("next step 1: worker (mock) on host");
        assertThat(text.out()).contains("command:   ").contains("prompt:").contains("Write the greeting");
        assertThat(json.get("step").asInt()).isEqualTo(1);
        assertThat(json.get("role").asText()).isEqualTo("worker");
        assertThat(json.get("prompt").asText()).contains("Write the greeting").contains("COMPLETED");
        assertThat(json.get("command").size()).isPositive();
        List<String> names = new ArrayList<>();
        json.get("environmentNames").forEach(name -> names.add(name.asText()));
        assertThat(names).isNotEmpty().allMatch(name -> name.matches("[A-Za-z_][A-Za-z0-9_]*"));
        assertThat(text.out()).contains(String.join(" ", names));
        assertThat(cli.ok("job", "status", id, "--json").out() + cli.ok("job", "events", id).out())
                .isEqualTo(before);
    }

    @Test
    void logsPrintEveryStepUnderAHeaderOrOneStepAlone() throws Exception {
        String id = finishedJob();
        JsonNode steps = cli.status(id).get("steps");
        List<String> worker = Files.readAllLines(Path.of(steps.get(0).get("log").asText()), StandardCharsets.UTF_8);
        List<String> supervisor = Files.readAllLines(Path.of(steps.get(1).get("log").asText()),
                StandardCharsets.UTF_8);

        Result all = cli.ok("job", "logs", id);
        Result one = cli.ok("job", "logs", id, "--step", "2");

        assertThat(worker).isNotEmpty();
        List<String> expected = new ArrayList<>();
        expected.add("==> step 1 worker (mock): " + steps.get(0).get("log").asText() + " <==");
        expected.addAll(worker);
        expected.add("");
        expected.add("==> step 2 supervisor (mock): " + steps.get(1).get("log").asText() + " <==");
        expected.addAll(supervisor);
        assertThat(all.outLines()).isEqualTo(expected);
        assertThat(one.outLines()).isEqualTo(supervisor);
        Result missing = cli.run("job", "logs", id, "--step", "7");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no step 7");
    }

    @Test
    void eventsAreTheEventLogLineForLineWithJsonAndReadableWithout() throws Exception {
        String id = finishedJob();
        List<String> stored = Files.readAllLines(cli.jobDirectory(id).resolve("events.jsonl"), StandardCharsets.UTF_8);

        Result json = cli.ok("job", "events", id, "--json");
        Result text = cli.ok("job", "events", id);

        assertThat(json.outLines()).isEqualTo(stored);
        assertThat(text.outLines()).hasSameSizeAs(stored);
        assertThat(text.outLines().get(0)).matches("1 \\S+Z job\\.created - id=" + id);
        assertThat(text.outLines()).anyMatch(line -> line.matches("\\d+ \\S+ step\\.finished 2 outcome=COMPLETED .*"));
    }

    @Test
    void followPrintsLogsAndEventsWhileTheJobRunsAndStopsWhenItRests() throws Exception {
        String id = cli.activeMockJob("slow", "--set", "agents.mock.seconds=2");
        CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> cli.run("job", "run", "--quiet", id));
        cli.awaitExecuting(id);

        CompletableFuture<Result> events = CompletableFuture.supplyAsync(
                () -> cli.run("job", "events", id, "--follow", "--json"));
        Result logs = cli.run("job", "logs", id, "--follow");

        assertThat(run.get(60, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(logs.out()).isEqualTo(cli.ok("job", "logs", id).out()).contains("==> step 2 supervisor");
        Result followed = events.get(30, TimeUnit.SECONDS);
        assertThat(followed.exitCode()).as(followed.err()).isZero();
        assertThat(followed.outLines()).isEqualTo(
                Files.readAllLines(cli.jobDirectory(id).resolve("events.jsonl"), StandardCharsets.UTF_8));
        assertThat(followed.lastLine()).contains("\"type\":\"job.state\"").contains("\"to\":\"SUCCESS\"");
    }

    @Test
    void diffShowsTheChangeAndHarvestExportsItAsAPatchOrABranch() throws Exception {
        String id = finishedJob();
        String branchHead = TestRepository.git(cli.repo(), "rev-parse", "logist/" + id);

        Result diff = cli.ok("job", "diff", id);
        Result patch = cli.ok("job", "harvest", id, "--patch", "change.patch");
        Result branch = cli.ok("job", "harvest", id, "--branch", "greeting");

        assertThat(diff.out()).startsWith("diff --git").contains("mock-work.txt");
        assertThat(Files.readString(cli.repo().resolve("change.patch"))).isEqualTo(diff.out());
        assertThat(patch.out()).contains(cli.repo().resolve("change.patch").toString());
        assertThat(branch.out()).contains("greeting");
        assertThat(TestRepository.git(cli.repo(), "rev-parse", "greeting")).isEqualTo(branchHead);
    }

    @Test
    void harvestingAJobThatChangedNothingIsRefused() {
        String id = cli.activeMockJob("success");

        Result harvest = cli.run("job", "harvest", id, "--branch", "nothing");

        assertThat(harvest.exitCode()).isEqualTo(2);
        assertThat(harvest.err()).startsWith("logist: ").contains("no change to harvest");
        assertThat(cli.run("job", "diff", id).out()).isEmpty();
    }

    @Test
    void cleanRemovesFinishedJobsOnlyAndSaysWhat() {
        String finished = finishedJob();
        String pending = cli.activeMockJob("success");
        Path workspace = Path.of(cli.status(finished).get("workspace").asText());

        Result refused = cli.run("job", "clean", pending);
        Result none = cli.ok("job", "clean", "--finished", "--older-than", "7d");
        Result removed = cli.ok("job", "clean", finished);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("cannot clean job " + pending + ": it is PENDING");
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("nothing to remove");
        assertThat(removed.out()).contains(finished);
        assertThat(workspace).doesNotExist();
        assertThat(cli.ok("job", "list", "--json").json().findValuesAsText("id")).containsExactly(pending);
    }
}
