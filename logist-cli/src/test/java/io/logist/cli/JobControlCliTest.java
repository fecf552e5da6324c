package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.cli.InProcessCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that move a job between states, in-process against the engine and the mock agent. */
class JobControlCliTest {
    @TempDir
    Path dir;

    private InProcessCli cli;

    @BeforeEach
    void gitRepository() throws Exception {
        cli = InProcessCli.inNewRepository(dir);
    }

    @Test
    void approvalIsAskedForThenARejectionReachesTheWorkerAndApprovalSucceeds() {
        String id = cli.activeMockJob("success", "--set", "requireApproval=true");

        Result run = cli.run("job", "run", id);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertThat(run.lastLine()).startsWith("job " + id + " APPROVAL_REQUIRED: ");
        assertThat(run.err()).contains("logist job diff " + id).contains("logist job approve " + id);

        Result rejected = cli.ok("job", "reject", id, "--message", "Greet in French too");
        assertThat(rejected.outLines()).containsExactly("job " + id + " PENDING");
        assertThat(cli.status(id).get("message").asText()).isEqualTo("Greet in French too");
        assertThat(cli.ok("job", "preview", id, "--json").json().get("prompt").asText())
                .contains("Greet in French too");

        assertThat(cli.run("job", "run", "--quiet", id).exitCode()).isEqualTo(11);
        Result approved = cli.ok("job", "approve", id);
        assertThat(approved.outLines()).containsExactly("job " + id + " SUCCESS");
        assertThat(cli.status(id).get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void suspendResumeCancelAndRerunMoveTheJobAndPrintItsState() {
        String id = cli.activeMockJob("success");

        assertThat(cli.ok("job", "suspend", id).outLines()).containsExactly("job " + id + " SUSPENDED");
        assertThat(cli.ok("job", "resume", id).outLines()).containsExactly("job " + id + " PENDING");
        Result canceled = cli.ok("job", "cancel", id);
        assertThat(canceled.outLines()).containsExactly("job " + id + " CANCELED");
        assertThat(canceled.err()).contains("logist job rerun " + id);

        JsonNode rerun = cli.ok("job", "rerun", id, "--json").json();
        assertThat(rerun.get("status").asText()).isEqualTo("PENDING");
        assertThat(rerun.get("run").asInt()).isEqualTo(2);
        assertThat(cli.run("job", "run", "--quiet", id).exitCode()).isZero();
    }

    @Test
    void aRefusedActionExitsTwoWithTheStateAndTheAllowedCommandsAndChangesNothing() {
        String id = cli.activeMockJob("success");
        String before = cli.ok("job", "status", id, "--json").out();
        String eventsBefore = cli.ok("job", "events", id, "--json").out();

        Result approve = cli.run("job", "approve", id);
        Result resume = cli.run("job", "resume", id);

        assertThat(approve.exitCode()).isEqualTo(2);
        List<String> lines = approve.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("logist: cannot approve job " + id + ": it is PENDING");
        assertThat(lines.get(1)).startsWith("allowed from PENDING: run, ").contains("suspend", "cancel")
                .doesNotContain("approve");
        assertThat(approve.out()).isEmpty();
        assertThat(resume.exitCode()).isEqualTo(2);
        assertThat(resume.err()).startsWith("logist: cannot resume job " + id + ": it is PENDING");
        assertThat(cli.ok("job", "status", id, "--json").out()).isEqualTo(before);
        assertThat(cli.ok("job", "events", id, "--json").out()).isEqualTo(eventsBefore);
    }

    @Test
    void resubmitSendsAStuckJobBackWithAMessageForTheWorker() {
        String id = cli.activeMockJob("stuck");
        assertThat(cli.run("job", "run", "--quiet", id).exitCode()).isEqualTo(10);

        Result resubmitted = cli.ok("job", "resubmit", id, "--message", "The fixture file is back");

        assertThat(resubmitted.outLines()).containsExactly("job " + id + " PENDING");
        assertThat(resubmitted.err()).contains("logist job run " + id);
        assertThat(cli.status(id).get("message").asText()).isEqualTo("The fixture file is back");
        assertThat(cli.ok("job", "preview", id).out()).contains("The fixture file is back");
    }

    @Test
    void restepGoesBackToAStepsCheckpointAndKeepsTheLaterStepsInTheHistory() throws Exception {
        String id = cli.activeMockJob("success");
        cli.ok("job", "run", "--quiet", id);
        JsonNode first = cli.status(id);
        String stepOneCommit = first.get("steps").get(0).get("commit").asText();
        String stepTwoCommit = first.get("steps").get(1).get("commit").asText();

        Result restep = cli.ok("job", "restep", id, "--to", "1");

        assertThat(restep.outLines()).containsExactly("job " + id + " PENDING");
        JsonNode rewound = cli.status(id);
        assertThat(rewound.get("steps").size()).isEqualTo(1);
        assertThat(rewound.get("history").size()).isEqualTo(1);
        assertThat(rewound.get("history").get(0).get("by").asText()).isEqualTo("restep");
        assertThat(rewound.get("history").get(0).get("step").get("commit").asText()).isEqualTo(stepTwoCommit);
        assertThat(TestRepository.git(cli.repo(), "rev-parse", "logist/" + id)).isEqualTo(stepOneCommit);

        cli.ok("job", "run", "--quiet", id);
        JsonNode again = cli.status(id);
        assertThat(again.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(again.get("steps").get(0).get("commit").asText()).isEqualTo(stepOneCommit);
        List<String> commits = new ArrayList<>();
        again.get("steps").forEach(step -> commits.add(step.get("commit").asText()));
        // A redone step that changes the same files within the same second may get the very same commit id.
        assertThat(TestRepository.git(cli.repo(), "rev-list", "--reverse", again.get("base").asText() + "..logist/" + id)
                .lines()).containsExactlyElementsOf(commits);
    }

    @Test
    void restepPastTheLastStepIsRefusedAndChangesNothing() {
        String id = cli.activeMockJob("success");
        cli.ok("job", "run", "--quiet", id);
        String before = cli.ok("job", "status", id, "--json").out();

        Result restep = cli.run("job", "restep", id, "--to", "3");

        assertThat(restep.exitCode()).isEqualTo(2);
        assertThat(restep.err()).startsWith("logist: ").contains("0..2");
        assertThat(cli.ok("job", "status", id, "--json").out()).isEqualTo(before);
    }

    @Test
    void poststepAppliesAHandWrittenAnswerFromAFileOrStandardInput() throws Exception {
        String id = cli.activeMockJob("success");
        Path answer = Files.writeString(cli.repo().resolve("answer.md"), "Done.\n```json\n{\"action\": \"COMPLETED\","
                + " \"summary_for_supervisor\": \"wrote it by hand\", \"evidence_files\": []}\n```\n");

        Result worker = cli.run("job", "poststep", id, "--response", "answer.md");

        assertThat(worker.exitCode()).as(worker.err()).isZero();
        assertThat(worker.lastLine()).isEqualTo("job " + id + " PENDING");
        JsonNode step = cli.status(id).get("steps").get(0);
        assertThat(step.get("role").asText()).isEqualTo("worker");
        assertThat(step.get("outcome").asText()).isEqualTo("COMPLETED");
        assertThat(step.get("summary").asText()).isEqualTo("wrote it by hand");
        assertThat(answer).exists();

        Result supervisor = cli.runWithInput("```json\n{\"action\": \"STUCK\", \"summary_for_supervisor\":"
                + " \"cannot judge it\"}\n```\n", "job", "poststep", id, "--response", "-");

        assertThat(supervisor.exitCode()).as(supervisor.err()).isEqualTo(10);
        assertThat(supervisor.lastLine()).startsWith("job " + id + " INTERVENTION_REQUIRED");
        assertThat(cli.status(id).get("steps").get(1).get("outcome").asText()).isEqualTo("STUCK");
    }

    @Test
    void poststepWithAMissingFileIsBadInput() {
        String id = cli.activeMockJob("success");

        Result result = cli.run("job", "poststep", id, "--response", "no-such-answer.md");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("logist: cannot read the response no-such-answer.md: it does not exist");
        assertThat(cli.status(id).get("steps").size()).isZero();
    }

    @Test
    void everyControlCommandPrintsTheJobAsStatusDoesWithJson() {
        String id = cli.activeMockJob("success");

        JsonNode suspended = cli.ok("job", "suspend", id, "--json").json();

        assertThat(suspended.get("id").asText()).isEqualTo(id);
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(List.of("steps", "history", "usage", "limits", "run", "message"))
                .allSatisfy(field -> assertThat(suspended.has(field)).as(field).isTrue());
    }

    @Test
    void aRunSuspendedByAnotherCommandStopsItsStepAndExitsTwelve() throws Exception {
        String id = cli.activeMockJob("slow", "--set", "agents.mock.seconds=30");
        CompletableFuture<Result> run = CompletableFuture.supplyAsync(() -> cli.run("job", "run", id));
        cli.awaitExecuting(id);

        Result suspended = cli.ok("job", "suspend", id);

        Result stopped = run.get(30, TimeUnit.SECONDS);
        assertThat(suspended.outLines()).containsExactly("job " + id + " SUSPENDED");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(12);
        assertThat(stopped.lastLine()).startsWith("job " + id + " SUSPENDED");
        assertThat(stopped.err()).contains("logist job resume " + id);
        assertThat(cli.ok("job", "resume", id).outLines()).containsExactly("job " + id + " PENDING");
    }
}
