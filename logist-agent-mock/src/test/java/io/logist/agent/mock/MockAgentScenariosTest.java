package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Usage;
import io.logist.spi.AgentError;
import io.logist.spi.AgentSignal;
import io.logist.spi.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MockAgentScenariosTest {
    private static final String WORKER_VERDICT = "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": "
            + "\"mock worker: updated mock-work.txt\", \"evidence_files\": [\"mock-work.txt\"]}";
    private static final String APPROVAL = "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": "
            + "\"mock supervisor: the change looks right\", \"evidence_files\": [\"mock-work.txt\"]}";
    private static final String REVISION_REQUEST = "{\"action\": \"RETRY\", \"summary_for_supervisor\": "
            + "\"Please add a line 'revised' to mock-work.txt\", \"evidence_files\": [\"mock-work.txt\"]}";

    private MockSteps steps;

    @BeforeEach
    void createWorkspace(@TempDir Path root) throws IOException {
        steps = new MockSteps(root);
    }

    @Test
    void theWorkerEditsTheFileAndCompletesInAFencedJsonBlock() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of());

        assertThat(worker.exitCode()).isZero();
        assertThat(workFile()).containsExactly("worker step 1");
        assertThat(worker.stdout()).startsWith("[mock-session] mock-1-worker", "mock: reading the task",
                "mock: editing mock-work.txt", "[mock-usage] input_tokens=1200 output_tokens=300 cost_usd=0.0125");
        assertThat(worker.finalMessage()).endsWith("```json\n" + WORKER_VERDICT + "\n```");
        assertThat(worker.outcome().error()).isEmpty();
    }

    @Test
    void theSupervisorApprovesTheWorkersChange() throws Exception {
        steps.run(1, "worker", MockSteps.TASK, Map.of());

        MockSteps.Finished supervisor = steps.run(2, "supervisor", MockSteps.TASK, Map.of());

        assertThat(supervisor.exitCode()).isZero();
        assertThat(supervisor.finalMessage()).contains(APPROVAL);
        assertThat(supervisor.signals()).contains(new AgentSignal.Session("mock-2-supervisor"));
    }

    @Test
    void theSupervisorAsksForTheFileWhenTheWorkerDidNotWriteIt() throws Exception {
        MockSteps.Finished supervisor = steps.run(2, "supervisor", MockSteps.TASK, Map.of());

        assertThat(supervisor.finalMessage())
                .contains("{\"action\": \"RETRY\", \"summary_for_supervisor\": \"Please create mock-work.txt:");
    }

    @Test
    void reviseOnceAsksForOneRevisionThatTheWorkerMakesFromTheFeedbackInItsPrompt() throws Exception {
        Map<String, Object> reviseOnce = Map.of("scenario", "revise-once");

        steps.run(1, "worker", MockSteps.TASK, reviseOnce);
        MockSteps.Finished firstReview = steps.run(2, "supervisor", MockSteps.TASK, reviseOnce);
        assertThat(firstReview.finalMessage()).contains(REVISION_REQUEST);

        String feedback = "Supervisor feedback: Please add a line 'revised' to mock-work.txt\n";
        steps.run(3, "worker", MockSteps.TASK + feedback, reviseOnce);
        assertThat(workFile()).containsExactly("worker step 1", "worker step 3", "revised");

        MockSteps.Finished secondReview = steps.run(4, "supervisor", MockSteps.TASK, reviseOnce);
        assertThat(secondReview.finalMessage()).contains(APPROVAL);
    }

    @Test
    void aWorkerWithoutFeedbackDoesNotRevise() throws Exception {
        steps.run(1, "worker", MockSteps.TASK, Map.of("scenario", "revise-once"));
        steps.run(3, "worker", MockSteps.TASK, Map.of("scenario", "revise-once"));

        assertThat(workFile()).containsExactly("worker step 1", "worker step 3");
    }

    @Test
    void verdictToFileWritesTheVerdictIntoTheWorkspaceInsteadOfTheMessage() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of("verdictTo", "file"));

        assertThat(steps.workspace().resolve(".logist/verdict.json")).content().isEqualTo(WORKER_VERDICT + "\n");
        assertThat(worker.finalMessage()).doesNotContain("action").contains("verdict written to .logist/verdict.json");
    }

    @Test
    void stuckSaysTheWorkerCannotContinue() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of("scenario", "stuck"));

        assertThat(worker.exitCode()).isZero();
        assertThat(worker.finalMessage()).contains("{\"action\": \"STUCK\", \"summary_for_supervisor\": "
                + "\"mock: cannot continue: the task needs credentials I do not have\", \"evidence_files\": []}");
        assertThat(steps.workspace().resolve("mock-work.txt")).doesNotExist();
    }

    @Test
    void noVerdictExitsCleanlyWithoutAnyJson() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of("scenario", "no-verdict"));

        assertThat(worker.exitCode()).isZero();
        assertThat(worker.finalMessage()).isEqualTo("mock: I changed things but will not say how it went");
        assertThat(steps.workspace().resolve(".logist")).doesNotExist();
    }

    @Test
    void crashFailsWithExitCodeOneAndSaysWhyOnStandardError() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of("scenario", "crash"));

        assertThat(worker.exitCode()).isEqualTo(1);
        assertThat(worker.stdout()).containsExactly("[mock-session] mock-1-worker", "mock: starting");
        assertThat(worker.stderr()).containsExactly("mock: fatal: simulated crash (exit 1)");
        assertThat(worker.outcome().error())
                .contains(new AgentError(AgentError.Kind.OTHER, "mock: fatal: simulated crash (exit 1)"));
    }

    @Test
    void hangPrintsNothingAndDoesNotExit() throws Exception {
        Invocation invocation = steps.prepare(1, "worker", MockSteps.TASK, Map.of("scenario", "hang"));
        Process process = steps.start(invocation);
        try {
            process.getOutputStream().close();

            assertThat(process.waitFor(2, TimeUnit.SECONDS)).as("whether the hanging mock exited").isFalse();
            assertThat(process.getInputStream().available()).as("bytes printed on standard output").isZero();
            assertThat(process.getErrorStream().available()).as("bytes printed on standard error").isZero();
        } finally {
            MockSteps.killTree(process);
        }
    }

    @Test
    void slowReportsProgressAndUsageEverySecondThenSucceeds() throws Exception {
        Instant start = Instant.now();

        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK,
                Map.of("scenario", "slow", "seconds", 2, "usageReports", 3));

        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        String usage = "[mock-usage] input_tokens=1200 output_tokens=300 cost_usd=0.0125";
        assertThat(worker.stdout()).containsSubsequence("mock: working (1/2)", usage, "mock: working (2/2)", usage,
                "mock: reading the task", usage, "```json");
        assertThat(worker.finalMessage()).contains(WORKER_VERDICT);
    }

    @Test
    void waitingInputBlocksOnTheOpenStandardInputUntilALineArrives() throws Exception {
        Invocation invocation = steps.prepare(1, "worker", MockSteps.TASK, Map.of("scenario", "waiting-input"));
        Process process = steps.start(invocation);
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(stdout.readLine()).isEqualTo("[mock-session] mock-1-worker");
            assertThat(stdout.readLine()).isEqualTo("Press Enter to continue");
            assertThat(process.isAlive()).as("whether the mock still waits for Enter").isTrue();

            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write('\n');
            }

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(stdout.lines()).contains(WORKER_VERDICT);
            assertThat(workFile()).containsExactly("worker step 1");
        } finally {
            MockSteps.killTree(process);
        }
    }

    @Test
    void waitingInputGivesUpWithExitCodeThreeWhenStandardInputCloses() throws Exception {
        Invocation invocation = steps.prepare(1, "worker", MockSteps.TASK, Map.of("scenario", "waiting-input"));
        Process process = steps.start(invocation);
        try {
            process.getOutputStream().close();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("standard input closed");
        } finally {
            MockSteps.killTree(process);
        }
    }

    @Test
    void usageIsReportedAsConfiguredForEachReport() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK,
                Map.of("inputTokens", 10, "outputTokens", "20", "costUsd", "0.5", "usageReports", 3));

        Usage each = Usage.of(10, 20, new BigDecimal("0.5"));
        assertThat(worker.signals()).filteredOn(AgentSignal.UsageDelta.class::isInstance)
                .containsExactly(new AgentSignal.UsageDelta(each), new AgentSignal.UsageDelta(each),
                        new AgentSignal.UsageDelta(each));
    }

    @Test
    void theConfiguredFileIsEditedEvenInASubdirectory() throws Exception {
        MockSteps.Finished worker = steps.run(1, "worker", MockSteps.TASK, Map.of("file", "notes/work log.md"));

        assertThat(steps.workspace().resolve("notes/work log.md")).content().isEqualTo("worker step 1\n");
        assertThat(worker.finalMessage()).contains("\"evidence_files\": [\"notes/work log.md\"]");
    }

    private List<String> workFile() throws IOException {
        return Files.readAllLines(steps.workspace().resolve("mock-work.txt"));
    }
}
