package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.ConfigurationException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.JobNotFoundException;
import io.logist.JobResult;
import io.logist.JobSpec;
import io.logist.JobStatus;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.event.JobEvent;
import io.logist.spi.Observer;
import io.logist.spi.OwnerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine end to end with real git, the real host runner and a scripted test agent. */
class EngineTest extends EngineTestCase {
    @Test
    void aWorkerAndASupervisorStepEndInSuccessWithACommitEach() throws Exception {
        JobId id = fixture.job("echo work >> a.txt; echo usage 100 20 0.01; " + verdict("COMPLETED", "wrote a.txt"),
                verdict("COMPLETED", "looks good"));
        List<JobEvent> seen = new ArrayList<>();
        JobResult result = logist.run(id, new Observer() {
            @Override
            public void onEvent(JobId job, JobEvent event) {
                seen.add(event);
            }
        });

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        JobInfo job = logist.status(id);
        assertThat(job.steps()).extracting(StepInfo::role).containsExactly("worker", "supervisor");
        assertThat(job.steps()).extracting(s -> s.outcome().orElseThrow())
                .containsExactly(StepOutcome.COMPLETED, StepOutcome.COMPLETED);
        assertThat(job.steps().get(0).usage().inputTokens()).isEqualTo(100);
        assertThat(job.usage().costUsd()).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.01"));
        assertThat(git(fixture.repo, "log", "--format=%s", job.branch())).startsWith(
                "logist " + id + " step 2 (supervisor): COMPLETED\nlogist " + id + " step 1 (worker): COMPLETED\nfirst");
        assertThat(git(fixture.repo, "show", job.branch() + ":a.txt")).isEqualTo("work");
        List<JobEvent> events = logist.events(id);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(events).contains(e));
    }

    @Test
    void theSupervisorSeesTheWorkersChangeAndTheWorkerSeesTheFeedback() throws Exception {
        JobId id = fixture.job("echo line$STEP >> a.txt; " + verdict("COMPLETED", "added a line"),
                "if [ \"$STEP\" = 2 ]; then " + verdict("RETRY", "add one more line") + "; else "
                        + verdict("COMPLETED", "fine") + "; fi");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        Path steps = fixture.jobDirectory(id).resolve("steps");
        assertThat(Files.readString(steps.resolve("2/prompt.md"))).contains("added a line").contains("+line1");
        assertThat(Files.readString(steps.resolve("3/prompt.md")))
                .contains("Feedback from the supervisor").contains("add one more line");
        assertThat(Files.readString(steps.resolve("4/prompt.md"))).contains("+line3").doesNotContain("+line1");
    }

    @Test
    void stepRunsOneStepAndLeavesTheJobPending() {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        JobResult first = logist.step(id, Observer.NOOP);
        assertThat(first.status()).isEqualTo(JobStatus.PENDING);
        assertThat(first.steps()).isEqualTo(1);
        JobResult second = logist.step(id, Observer.NOOP);
        assertThat(second.status()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void aMissingVerdictIsReaskedOnceThenNeedsIntervention() throws Exception {
        JobId id = fixture.job("echo I did something", verdict("COMPLETED", "ok"));
        JobResult result = logist.run(id, Observer.NOOP);
        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("after a re-ask"));
        JobInfo job = logist.status(id);
        assertThat(job.steps()).extracting(StepInfo::reask).containsExactly(false, true);
        String reaskPrompt = Files.readString(fixture.jobDirectory(id).resolve("steps/2/prompt.md"));
        assertThat(reaskPrompt).contains("Your previous answer had no valid verdict");
    }

    @Test
    void aCrashIsReportedWithTheStderrTail() {
        JobId id = fixture.job("echo starting; echo 'fatal: disk on fire' >&2; exit 1", verdict("COMPLETED", "ok"));
        JobResult result = logist.run(id, Observer.NOOP);
        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r)
                .contains("exited with code 1").contains("fatal: disk on fire"));
    }

    @Test
    void anAuthenticationErrorFailsTheJob() {
        JobId id = fixture.job("echo auth-failed; exit 1", verdict("COMPLETED", "ok"));
        JobResult result = logist.run(id, Observer.NOOP);
        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).contains("401 invalid key"));
    }

    @Test
    void aUsageReportOverTheCostLimitKillsTheStep() {
        JobId id = fixture.job("echo usage 10 10 0.30; echo usage 10 10 0.30; sleep 30; " + verdict("COMPLETED", "x"),
                verdict("COMPLETED", "ok"), "limits.maxCostUsd", "0.50");
        long start = System.nanoTime();
        JobResult result = logist.run(id, Observer.NOOP);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValue("limit maxCostUsd exceeded: $0.60 spent of $0.50");
        assertThat(logist.status(id).steps().get(0).outcome()).hasValue(StepOutcome.KILLED);
    }

    @Test
    void anIdleStepIsKilledByTheIdleTimeout() {
        JobId id = fixture.job("sleep 30", verdict("COMPLETED", "ok"), "limits.idleTimeout", "1s");
        JobResult result = logist.run(id, Observer.NOOP);
        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("idle-timeout"));
    }

    @Test
    void aSecondRunOfALockedJobIsRefused() throws Exception {
        JobId id = fixture.job("sleep 3; " + verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        CompletableFuture<JobResult> first = logist.runAsync(id, Observer.NOOP);
        waitForStatus(id, JobStatus.RUNNING);
        assertThatThrownBy(() -> logist.run(id, Observer.NOOP))
                .isInstanceOf(JobLockedException.class)
                .hasMessageContaining("is locked by pid " + ProcessHandle.current().pid());
        assertThat(first.get(60, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void aCancelRequestFromAnotherProcessStopsTheRunningStep() throws Exception {
        JobId id = fixture.job("sleep 30; " + verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        CompletableFuture<JobResult> run = logist.runAsync(id, Observer.NOOP);
        waitForExecution(id);
        long asked = System.nanoTime();

        fixture.otherStore().postRequest(id, OwnerRequest.CANCEL);

        assertThat(run.get(20, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.CANCELED);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - asked)).isLessThan(5);
        assertThat(logist.status(id).steps().get(0).outcome()).hasValue(StepOutcome.CANCELED);
    }

    @Test
    void aSuspendRequestStopsTheStepWhichRunsAgainAfterResume() throws Exception {
        JobId id = fixture.job("sleep 30; " + verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        CompletableFuture<JobResult> run = logist.runAsync(id, Observer.NOOP);
        waitForExecution(id);

        fixture.otherStore().postRequest(id, OwnerRequest.SUSPEND);

        assertThat(run.get(20, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUSPENDED);
        JobInfo job = logist.status(id);
        assertThat(job.steps().get(0).outcome()).hasValue(StepOutcome.INTERRUPTED);
        assertThat(StepPlan.next(job)).isEqualTo(new StepPlan.Decision.Run("worker", false));
    }

    @Test
    void badSettingsAreAllReportedAndNothingIsStored() {
        JobSpec spec = JobSpec.builder().repo(dir).agent("nope").set("limits.maxSteps", "-1").build();
        assertThatThrownBy(() -> logist.create(spec))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.property())
                        .contains("prompt", "repo", "agent", "limits.maxSteps"));
        assertThat(logist.list()).isEmpty();
    }

    @Test
    void anUnknownJobIsNamed() {
        assertThatThrownBy(() -> logist.status(JobId.of("nope-0000")))
                .isInstanceOf(JobNotFoundException.class).hasMessageContaining("nope-0000");
    }

    @Test
    void runningADraftJobIsRefusedWithTheAllowedCommands() {
        JobId id = logist.create(JobSpec.builder().prompt("x").repo(fixture.repo).agent("script").build());
        assertThatThrownBy(() -> logist.run(id, Observer.NOOP))
                .hasMessageContaining("it is DRAFT").hasMessageContaining("activate");
        assertThat(logist.status(id).status()).isEqualTo(JobStatus.DRAFT);
    }

    /** Waits until the step's process runs: a request posted before that is taken before the step starts. */
    private void waitForExecution(JobId id) throws InterruptedException {
        for (int i = 0; i < 200 && logist.status(id).lastStep().filter(s -> !s.execution().isEmpty()).isEmpty(); i++) {
            Thread.sleep(25);
        }
        assertThat(logist.status(id).lastStep()).hasValueSatisfying(s -> assertThat(s.execution()).isNotEmpty());
    }

    private void waitForStatus(JobId id, JobStatus status) throws InterruptedException {
        for (int i = 0; i < 200 && logist.status(id).status() != status; i++) {
            Thread.sleep(25);
        }
        assertThat(logist.status(id).status()).isEqualTo(status);
    }
}
