package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobStatus;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobEvent;
import io.logist.event.LimitWarning;
import io.logist.event.SignalRaised;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.UsageReported;
import io.logist.spi.Observer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sentinel, the observer's signals and the limits with the real engine, real git, the host runner and real
 * {@code sh} processes. Timings are read from the job's own events.
 */
class SentinelIT extends EngineTestCase {
    private static final String APPROVE = verdict("COMPLETED", "ok");


    /** An activated job whose worker runs {@code worker} and whose supervisor approves. */
    private JobId job(String worker, String... settings) {
        return fixture.job(worker, APPROVE, settings);
    }

    private StepInfo step(JobId id, int n) {
        return logist.status(id).steps().get(n - 1);
    }

    private <T extends JobEvent> List<T> events(JobId id, Class<T> type) {
        return logist.events(id).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends JobEvent> T event(JobId id, Class<T> type, int step) {
        return events(id, type).stream().filter(e -> e.step().orElseThrow() == step).findFirst().orElseThrow();
    }

    /** From the process start to the step's end, as the events recorded them. */
    private Duration executionTime(JobId id, int step) {
        return Duration.between(event(id, ExecutionStarted.class, step).ts(), event(id, StepFinished.class, step).ts());
    }

    @Test
    void aSilentStepIsKilledWithinTheIdleTimeoutAndASecondAndNothingOfItIsLeft() throws Exception {
        JobId id = job("while :; do sleep 1; done", "limits.idleTimeout", "2s");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValue("idle-timeout: no output for 2s");
        StepInfo step = step(id, 1);
        assertThat(step.outcome()).hasValue(StepOutcome.KILLED);
        assertThat(step.reason()).hasValue("idle-timeout: no output for 2s");
        assertThat(executionTime(id, 1)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        long pid = Long.parseLong(step.execution().get("pid"));
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(processGroup(pid)).isEmpty();
    }

    @Test
    void aPromptForInputStopsTheStepLongBeforeTheIdleTimeout() {
        JobId id = job("echo 'Overwrite a.txt? [y/N]'; sleep 60", "limits.idleTimeout", "30s");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValue("waiting-for-input: the agent asked for input that nobody will give:"
                + " 'Overwrite a.txt? [y/N]'");
        assertThat(step(id, 1).outcome()).hasValue(StepOutcome.KILLED);
        assertThat(executionTime(id, 1)).isLessThan(Duration.ofSeconds(2));
        assertThat(events(id, SignalRaised.class)).extracting(SignalRaised::signal).containsExactly("waiting-input");
    }

    @Test
    void aUsageReportOverTheCostLimitKillsTheStepBeforeTheNextReport() {
        JobId id = job("echo usage 10 10 0.30; sleep 1; echo usage 10 10 0.30; sleep 1; echo usage 10 10 0.30;"
                + " sleep 1; " + verdict("COMPLETED", "x"), "limits.maxCostUsd", "0.50");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValue("limit maxCostUsd exceeded: $0.60 spent of $0.50");
        StepInfo step = step(id, 1);
        assertThat(step.outcome()).hasValue(StepOutcome.KILLED);
        assertThat(step.reason()).hasValue("limit maxCostUsd exceeded: $0.60 spent of $0.50");
        assertThat(events(id, UsageReported.class)).hasSize(2);
        Instant crossed = events(id, UsageReported.class).get(1).ts();
        assertThat(Duration.between(crossed, event(id, StepFinished.class, 1).ts())).isLessThan(Duration.ofMillis(900));
        assertThat(events(id, LimitWarning.class)).extracting(LimitWarning::limit).containsExactly("maxCostUsd");
    }

    @Test
    void aLimitWarningComesOnceAt80PercentAndNotAgainInLaterSteps() {
        JobId id = job("echo usage 10 10 0.85; " + verdict("COMPLETED", "x"), "limits.maxCostUsd", "1.00",
                "agents.script.supervisor", "echo usage 10 10 0.05; " + APPROVE);

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(events(id, LimitWarning.class)).singleElement().satisfies(warning -> {
            assertThat(warning.n()).isEqualTo(1);
            assertThat(warning.limit()).isEqualTo("maxCostUsd");
            assertThat(warning.detail()).isEqualTo("$0.85 spent of $1.00");
        });
        assertThat(logist.status(id).usageByRole().get("supervisor").costUsd())
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.05"));
    }

    @Test
    void theWallTimeLimitIsCheckedWhileTheStepRuns() {
        JobId id = job("while :; do echo working $(date +%s%N); sleep 0.2; done", "limits.maxWallTime", "1500ms");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("limit maxWallTime reached"));
        assertThat(step(id, 1).outcome()).hasValue(StepOutcome.KILLED);
        assertThat(events(id, LimitWarning.class)).extracting(LimitWarning::limit).containsExactly("maxWallTime");
    }

    @Test
    void aStepThatKeepsPrintingIsStoppedAtTheStepTimeout() {
        JobId id = job("while :; do echo working $(date +%s%N); sleep 0.2; done", "limits.stepTimeout", "1s");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.reason()).hasValue("step-timeout: the step ran longer than 1s");
        assertThat(step(id, 1).outcome()).hasValue(StepOutcome.KILLED);
    }

    @Test
    void aRateLimitedStepIsRetriedAfterItsBackoffUntilItSucceeds() {
        JobId id = job("if [ \"$STEP\" -le 2 ]; then echo '429 Too Many Requests' >&2; exit 1; fi; "
                + verdict("COMPLETED", "done"), "sentinel.retryBackoff", "200ms");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        JobInfo job = logist.status(id);
        assertThat(job.steps()).extracting(StepInfo::role).containsExactly("worker", "worker", "worker", "supervisor");
        assertThat(job.steps()).extracting(s -> s.outcome().orElseThrow()).containsExactly(StepOutcome.AGENT_FAILED,
                StepOutcome.AGENT_FAILED, StepOutcome.COMPLETED, StepOutcome.COMPLETED);
        assertThat(job.steps().get(0).reason()).hasValue("rate-limit: the model service is limiting requests: agent"
                + " 'script' exited with code 1: 429 Too Many Requests");
        assertThat(job.steps().get(0).commit()).isPresent().isNotEqualTo(job.steps().get(1).commit());
        assertThat(Duration.between(event(id, StepFinished.class, 1).ts(), event(id, StepStarted.class, 2).ts()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(event(id, StepFinished.class, 2).ts(), event(id, StepStarted.class, 3).ts()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(events(id, SignalRaised.class)).extracting(SignalRaised::signal)
                .containsExactly("rate-limit", "rate-limit");
    }

    @Test
    void aRetryStillGetsThePersonsMessage() throws Exception {
        JobId id = job("case $STEP in 1) " + verdict("STUCK", "which style?") + ";; 2) echo 'rate limit' >&2; exit 1;;"
                + " *) " + verdict("COMPLETED", "done") + ";; esac", "sentinel.retryBackoff", "10ms");
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);

        logist.resubmit(id, java.util.Optional.of("Use tabs."));

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(step(id, 2).outcome()).hasValue(StepOutcome.AGENT_FAILED);
        assertThat(Files.readString(fixture.jobDirectory(id).resolve("steps/3/prompt.md"))).contains("Use tabs.");
    }

    @Test
    void aStepThatIsAlwaysRateLimitedNeedsAPersonAfterItsRetries() {
        JobId id = job("echo '429 Too Many Requests' >&2; exit 1", "sentinel.retryBackoff", "10ms",
                "sentinel.retries", "2");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.INTERVENTION_REQUIRED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("rate-limit:")
                .endsWith("(still failing after 2 retries)"));
        assertThat(logist.status(id).steps()).hasSize(3).allSatisfy(s -> assertThat(s.role()).isEqualTo("worker"));
    }

    @Test
    void aPatternAddedInTheSettingsRaisesItsSignal() {
        JobId id = job("echo 'daily quota exceeded' >&2; exit 1", "signals.rate-limit", "['quota exceeded']",
                "sentinel.retries", "0");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r).startsWith("rate-limit:"));
        assertThat(events(id, SignalRaised.class)).singleElement()
                .satisfies(s -> assertThat(s.line()).isEqualTo("daily quota exceeded"));
    }

    @Test
    void aRefusedKeyFailsTheJobNamingAuthentication() {
        JobId id = job("echo 'Error: 401 Unauthorized' >&2; exit 1");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.FAILED);
        assertThat(result.reason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("auth-failed: authentication failed: agent 'script' exited with code 1: Error: 401"
                        + " Unauthorized").contains("credentials"));
    }

    @Test
    void signalsInTheOutputOfAStepThatSucceedsChangeNothing() {
        JobId id = job("echo 'fixed the 401 handling in Login.java'; " + verdict("COMPLETED", "x"));

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(events(id, SignalRaised.class)).extracting(SignalRaised::signal).containsExactly("auth-failed");
    }

    @Test
    void signalEventsAreBoundedPerStep() {
        JobId id = job("i=0; while [ $i -lt 30 ]; do echo \"429 rate limit, attempt $i\"; i=$((i + 1)); done; "
                + verdict("COMPLETED", "x"));

        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        assertThat(events(id, SignalRaised.class)).hasSize(20);
    }

    @Test
    void theSameLinesOverAndOverAreALoop() {
        JobId id = job("while :; do echo 'reading a.txt'; echo 'the test fails'; sleep 0.05; done",
                "sentinel.loopRepeats", "4");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.reason()).hasValue("loop: the same 2 lines were printed 4 times in a row: 'reading a.txt'"
                + " / 'the test fails'");
        assertThat(step(id, 1).outcome()).hasValue(StepOutcome.KILLED);
        assertThat(executionTime(id, 1)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aProcessThatLingersAfterItsVerdictIsStoppedAndTheVerdictCounts() {
        JobId id = job(verdict("COMPLETED", "wrote it") + "; sleep 60", "sentinel.exitGrace", "1s");

        JobResult result = logist.run(id, Observer.NOOP);

        assertThat(result.status()).isEqualTo(JobStatus.SUCCESS);
        StepInfo step = step(id, 1);
        assertThat(step.outcome()).hasValue(StepOutcome.COMPLETED);
        assertThat(step.summary()).hasValue("wrote it");
        assertThat(step.reason()).hasValue("finished-not-exited: the agent gave its verdict in its output but was"
                + " still running 1s later, so it was stopped");
        assertThat(executionTime(id, 1)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aVerdictFileCountsForFinishedNotExited() {
        JobId id = job("mkdir -p .logist; printf '%s' '{\"action\": \"RETRY\", \"summary_for_supervisor\": \"again\","
                + " \"evidence_files\": []}' > .logist/verdict.json; sleep 60", "sentinel.exitGrace", "500ms",
                "limits.maxSteps", "1");

        JobResult result = logist.run(id, Observer.NOOP);

        StepInfo step = step(id, 1);
        assertThat(step.outcome()).hasValue(StepOutcome.RETRY);
        assertThat(step.reason()).hasValueSatisfying(r -> assertThat(r).contains("in .logist/verdict.json"));
        assertThat(result.reason()).hasValue("limit maxSteps reached: 1 steps of 1");
    }

    @Test
    void theTerminateGraceComesFromTheSettings() {
        JobId id = job("trap '' TERM; echo started; sleep 60", "limits.idleTimeout", "1s",
                "sentinel.terminateGrace", "300ms");

        logist.run(id, Observer.NOOP);

        assertThat(step(id, 1).reason()).hasValue("idle-timeout: no output for 1s");
        assertThat(executionTime(id, 1)).isLessThan(Duration.ofSeconds(3));
    }

    /**
     * The processes still running in the process group {@code pgid}, from {@code /proc}. A zombie has ended: it
     * only waits for its new parent (an init that may never reap it) to read its exit status.
     */
    private static List<Long> processGroup(long pgid) throws IOException {
        List<Long> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[2]) == pgid && !fields[0].equals("Z")) {
                        members.add(Long.parseLong(entry.getFileName().toString()));
                    }
                } catch (IOException ended) {
                    // The process ended while the directory was listed.
                }
            }
        }
        return members;
    }
}
