package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.InvalidTransitionException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobStatus;
import io.logist.LogistException;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.event.JobEvent;
import io.logist.event.MessageGiven;
import io.logist.event.StateChanged;
import io.logist.spi.JobLock;
import io.logist.spi.Observer;
import io.logist.spi.OwnerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A person's decisions about a job, end to end: real git, the real host runner, the scripted agent. */
class JobControlTest extends EngineTestCase {

    @Test
    void aRejectedApprovalTakesTheMessageToTheNextWorkerAndAnApprovalSucceeds() throws Exception {
        JobId id = fixture.job("echo work$STEP >> a.txt; " + verdict("COMPLETED", "wrote a.txt"),
                verdict("COMPLETED", "looks good"), "requireApproval", "true");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.APPROVAL_REQUIRED);

        JobInfo rejected = logist.reject(id, "  Write it in capitals.  ");

        assertThat(rejected.status()).isEqualTo(JobStatus.PENDING);
        assertThat(rejected.message()).hasValue("Write it in capitals.");
        List<JobEvent> events = logist.events(id);
        assertThat(events.get(events.size() - 2)).isInstanceOfSatisfying(MessageGiven.class, given -> {
            assertThat(given.action()).isEqualTo("reject");
            assertThat(given.message()).isEqualTo("Write it in capitals.");
        });
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StateChanged.class, changed ->
                assertThat(List.of(changed.from(), changed.to())).containsExactly(JobStatus.APPROVAL_REQUIRED,
                        JobStatus.PENDING));

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.APPROVAL_REQUIRED);
        JobInfo job = logist.status(id);
        assertThat(job.steps()).extracting(StepInfo::role)
                .containsExactly("worker", "supervisor", "worker", "supervisor");
        Path steps = fixture.jobDirectory(id).resolve("steps");
        assertThat(Files.readString(steps.resolve("3/prompt.md")))
                .contains("## Message from a person\n\nWrite it in capitals.");
        assertThat(Files.readString(steps.resolve("1/prompt.md"))).doesNotContain("Message from a person");
        assertThat(Files.readString(steps.resolve("4/prompt.md"))).doesNotContain("Write it in capitals.");
        assertThat(job.message()).isEmpty();

        assertThat(logist.approve(id).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).status()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void aResubmittedStuckJobGoesOnWithAWorkerStepThatSeesTheMessage() throws Exception {
        JobId id = fixture.job("if [ \"$STEP\" = 1 ]; then " + verdict("STUCK", "I need the API key") + "; else "
                + "echo done >> a.txt; " + verdict("COMPLETED", "used the key") + "; fi", verdict("COMPLETED", "ok"));
        JobResult stuck = logist.run(id, Observer.NOOP);
        assertThat(stuck.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(stuck.reason()).hasValueSatisfying(r -> assertThat(r).contains("I need the API key"));

        assertThat(logist.resubmit(id, Optional.of("The key is in KEY.txt")).status()).isEqualTo(JobStatus.PENDING);
        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        JobInfo job = logist.status(id);
        assertThat(job.steps()).extracting(StepInfo::role).containsExactly("worker", "worker", "supervisor");
        assertThat(Files.readString(fixture.jobDirectory(id).resolve("steps/2/prompt.md")))
                .contains("The key is in KEY.txt");
        assertThat(job.message()).isEmpty();
    }

    @Test
    void aResubmitWithoutMessageGoesOnAfterAKilledStep() {
        JobId id = fixture.job("if [ \"$STEP\" = 1 ]; then sleep 30; else " + verdict("COMPLETED", "done") + "; fi",
                verdict("COMPLETED", "ok"), "limits.idleTimeout", "1s");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(logist.status(id).steps().get(0).outcome()).hasValue(StepOutcome.KILLED);

        logist.resubmit(id, Optional.empty());

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.events(id)).noneMatch(e -> e instanceof MessageGiven);
        assertThat(logist.status(id).steps()).extracting(StepInfo::role)
                .containsExactly("worker", "worker", "supervisor");
    }

    @Test
    void rejectNeedsAMessageAndResubmitRefusesAnEmptyOne() throws Exception {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"), "requireApproval", "true");
        logist.run(id, Observer.NOOP);
        String before = fixture.storedState(id);

        assertThatThrownBy(() -> logist.reject(id, "  ")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--message");
        assertThatThrownBy(() -> logist.resubmit(id, Optional.of(""))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("message is empty");
        assertThat(fixture.storedState(id)).isEqualTo(before);
    }

    @Test
    void anIdleJobIsCanceledDirectly() {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));

        JobInfo canceled = logist.cancel(id);

        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(logist.events(id).get(logist.events(id).size() - 1)).isInstanceOfSatisfying(StateChanged.class,
                changed -> assertThat(changed.action()).isEqualTo("cancel"));
    }

    @Test
    void cancelingAJobThatAnotherOwnerRunsStopsItsStepWithinSeconds() throws Exception {
        JobId id = fixture.job("sleep 30; " + verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        CompletableFuture<JobResult> run = logist.runAsync(id, Observer.NOOP);
        fixture.waitForExecution(id);
        long pid = Long.parseLong(logist.status(id).steps().get(0).execution().get("pid"));
        long asked = System.nanoTime();

        JobInfo canceled = logist.cancel(id);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)).isLessThan(5000);
        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(run.get(20, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.CANCELED);
        assertThat(logist.status(id).steps().get(0).outcome()).hasValue(StepOutcome.CANCELED);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(fixture.otherStore().takeRequest(id)).isEmpty();
    }

    @Test
    void aSuspendedStepRunsAgainAfterResume() throws Exception {
        Path once = dir.resolve("slept-once");
        JobId id = fixture.job("if [ -f " + once + " ]; then " + verdict("COMPLETED", "done") + "; else touch " + once
                + "; sleep 30; fi", verdict("COMPLETED", "ok"));
        CompletableFuture<JobResult> run = logist.runAsync(id, Observer.NOOP);
        fixture.waitForExecution(id);

        assertThat(logist.suspend(id).status()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(run.get(20, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(logist.status(id).steps().get(0).outcome()).hasValue(StepOutcome.INTERRUPTED);

        assertThat(logist.resume(id).status()).isEqualTo(JobStatus.PENDING);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(logist.status(id).steps()).extracting(StepInfo::role)
                .containsExactly("worker", "worker", "supervisor");
    }

    @Test
    void anOwnerThatDoesNotAnswerIsNamedWithWhatToDo() {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        JobControl control = new JobControl(fixture.otherStore(), Clock.systemUTC(), Duration.ofMillis(300));
        try (JobLock held = fixture.otherStore().lock(id, "run")) {
            assertThatThrownBy(() -> control.cancel(id))
                    .isInstanceOf(LogistException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("did not answer within")
                    .hasMessageContaining("kill " + ProcessHandle.current().pid());
        }
        assertThat(logist.status(id).status()).isEqualTo(JobStatus.PENDING);
        assertThat(fixture.otherStore().takeRequest(id)).hasValue(OwnerRequest.CANCEL);
    }

    @Test
    void anOwnerThatLetsGoWithoutTakingTheRequestLeavesNoRequestBehind() throws Exception {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        CompletableFuture<JobInfo> suspended;
        try (JobLock held = fixture.otherStore().lock(id, "activate")) {
            suspended = CompletableFuture.supplyAsync(() -> logist.suspend(id));
            Thread.sleep(300);
            assertThat(suspended).isNotDone();
        }

        assertThat(suspended.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUSPENDED);
        assertThat(fixture.otherStore().takeRequest(id)).isEmpty();
    }

    @Test
    void aRunningJobWhoseOwnerDiedIsCanceledDirectly() {
        JobId id = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        JobInfo job = logist.status(id);
        fixture.otherStore().save(job.withStatus(JobStatus.RUNNING, Optional.empty(), job.updatedAt()));

        assertThat(logist.cancel(id).status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void refusedDecisionsNameTheStateAndChangeNothing() throws Exception {
        JobId pending = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        String before = fixture.storedState(pending);

        assertThatThrownBy(() -> logist.approve(pending)).isInstanceOf(InvalidTransitionException.class)
                .hasMessage("cannot approve job " + pending + ": it is PENDING; allowed from PENDING: run, poststep,"
                        + " suspend, cancel, rerun, restep");
        assertThatThrownBy(() -> logist.reject(pending, "no")).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> logist.resubmit(pending, Optional.of("go"))).isInstanceOf(
                InvalidTransitionException.class);
        assertThatThrownBy(() -> logist.resume(pending)).isInstanceOf(InvalidTransitionException.class);
        assertThat(fixture.storedState(pending)).isEqualTo(before);

        JobId done = fixture.job(verdict("COMPLETED", "done"), verdict("COMPLETED", "ok"));
        logist.run(done, Observer.NOOP);
        String finished = fixture.storedState(done);
        assertThatThrownBy(() -> logist.cancel(done)).isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining("it is SUCCESS");
        assertThatThrownBy(() -> logist.suspend(done)).isInstanceOf(InvalidTransitionException.class);
        assertThat(fixture.storedState(done)).isEqualTo(finished);
        assertThat(fixture.otherStore().takeRequest(done)).isEmpty();
    }
}
