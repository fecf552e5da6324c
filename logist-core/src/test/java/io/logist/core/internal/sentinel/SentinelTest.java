package io.logist.core.internal.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Limits;
import io.logist.SentinelSettings;
import io.logist.StepOutcome;
import io.logist.spi.AgentError;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rule on a hand-moved time: it passes only when the test says so, and never for real. */
class SentinelTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Limits LIMITS = new Limits(20, 5, Optional.of(new BigDecimal("5.00")), Optional.empty(),
            Duration.ofHours(2), Duration.ofMinutes(30), Duration.ofMinutes(5));
    private static final SentinelSettings SETTINGS = new SentinelSettings(5, Duration.ofSeconds(30),
            Duration.ofSeconds(5), 3, Duration.ofSeconds(10));
    private static final String VERDICT = "{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"done\","
            + " \"evidence_files\": []}";

    private Instant now = T0;
    private Sentinel sentinel;

    @BeforeEach
    void setUp() {
        sentinel = sentinel(LIMITS, SETTINGS);
    }

    private Sentinel sentinel(Limits limits, SentinelSettings settings) {
        return new Sentinel(limits, settings, SignalClassifier.withDefaults(Map.of()), T0, now);
    }

    private void after(Duration duration) {
        now = now.plus(duration);
    }

    private List<String> line(String text) {
        return sentinel.line(text, now);
    }

    private Optional<Stop> check() {
        return sentinel.check(now);
    }

    @Test
    void silenceUpToTheIdleTimeoutIsFineAndAtItTheStepIsKilled() {
        after(Duration.ofMinutes(5).minusMillis(1));
        assertThat(check()).isEmpty();
        after(Duration.ofMillis(1));
        assertThat(check()).hasValue(Stop.kill("idle-timeout: no output for 5m"));
    }

    @Test
    void outputStartsTheIdleTimeoutOver() {
        after(Duration.ofMinutes(4));
        line("working");
        after(Duration.ofMinutes(4));
        assertThat(check()).isEmpty();
        after(Duration.ofMinutes(1));
        assertThat(check()).hasValueSatisfying(stop -> assertThat(stop.reason()).startsWith("idle-timeout"));
    }

    @Test
    void theIdleTimeoutCountsFromTheProcessStart() {
        after(Duration.ofMinutes(2));
        sentinel.started(now);
        after(Duration.ofMinutes(4));
        assertThat(check()).isEmpty();
        after(Duration.ofMinutes(1));
        assertThat(check()).isPresent();
    }

    @Test
    void aStepThatKeepsPrintingIsStoppedAtTheStepTimeout() {
        for (int minute = 1; minute < 30; minute++) {
            after(Duration.ofMinutes(1));
            line("still working " + minute);
            assertThat(check()).isEmpty();
        }
        after(Duration.ofMinutes(1));
        line("still working 30");
        assertThat(check()).hasValue(Stop.kill("step-timeout: the step ran longer than 30m"));
    }

    @Test
    void theStepTimeoutCountsFromTheStepStart() {
        Sentinel late = new Sentinel(LIMITS, SETTINGS, SignalClassifier.withDefaults(Map.of()),
                T0.minus(Duration.ofMinutes(29)), T0);
        after(Duration.ofMinutes(1));
        assertThat(late.check(now)).hasValueSatisfying(s -> assertThat(s.reason()).startsWith("step-timeout"));
    }

    @Test
    void aProcessStillAliveAnExitGraceAfterItsVerdictIsStoppedAndTheVerdictDecides() {
        line("```json");
        line(VERDICT);
        line("```");
        after(Duration.ofSeconds(29));
        assertThat(check()).isEmpty();
        after(Duration.ofSeconds(1));
        Stop stop = check().orElseThrow();
        assertThat(stop.outcome()).isEmpty();
        assertThat(stop.reason()).isEqualTo("finished-not-exited: the agent gave its verdict in its output but was"
                + " still running 30s later, so it was stopped");
    }

    @Test
    void aVerdictInsideAJsonStringIsSeenToo() {
        line("{\"type\":\"result\",\"result\":\"Done.\\n{\\\"action\\\": \\\"STUCK\\\", \\\"summary_for_supervisor\\\": \\\"x\\\"}\"}");
        after(Duration.ofSeconds(30));
        assertThat(check()).hasValueSatisfying(stop -> assertThat(stop.reason()).startsWith("finished-not-exited"));
    }

    @Test
    void theVerdictFileCountsAsAVerdict() {
        after(Duration.ofSeconds(10));
        sentinel.verdictFile(now);
        after(Duration.ofSeconds(20));
        sentinel.verdictFile(now);
        assertThat(check()).isEmpty();
        after(Duration.ofSeconds(10));
        assertThat(check()).hasValueSatisfying(stop -> assertThat(stop.reason())
                .contains("in .logist/verdict.json").contains("30s later"));
    }

    @Test
    void aToolCallAfterTheVerdictMeansTheAgentStillWorks() {
        line(VERDICT);
        after(Duration.ofSeconds(20));
        sentinel.toolCall("Bash", "mvn test");
        after(Duration.ofSeconds(20));
        assertThat(check()).isEmpty();
        line(VERDICT);
        after(Duration.ofSeconds(30));
        assertThat(check()).hasValueSatisfying(stop -> assertThat(stop.reason()).startsWith("finished-not-exited"));
    }

    @Test
    void theActionWordAloneIsNoVerdict() {
        line("I will answer COMPLETED when done; the \"action\" field says so");
        after(Duration.ofSeconds(30));
        assertThat(check()).isEmpty();
    }

    @Test
    void aPromptForInputStopsTheStepAtOnce() {
        assertThat(line("Do you want to proceed? [y/N]")).containsExactly("waiting-input");
        assertThat(check()).hasValue(Stop.kill("waiting-for-input: the agent asked for input that nobody will give:"
                + " 'Do you want to proceed? [y/N]'"));
    }

    @Test
    void theSameLineRepeatedIsALoop() {
        for (int i = 0; i < 4; i++) {
            line("Retrying the same edit");
            line("");
        }
        assertThat(check()).isEmpty();
        line("Retrying the same edit");
        assertThat(check()).hasValue(Stop.kill("loop: the same line was printed 5 times in a row: 'Retrying the"
                + " same edit'"));
    }

    @Test
    void theSameGroupOfLinesRepeatedIsALoop() {
        for (int i = 0; i < 5; i++) {
            line("reading a.txt");
            line("editing a.txt");
            line("tests fail");
        }
        assertThat(check()).hasValue(Stop.kill("loop: the same 3 lines were printed 5 times in a row:"
                + " 'reading a.txt' / 'editing a.txt' / 'tests fail'"));
    }

    @Test
    void progressThatChangesIsNoLoop() {
        for (int i = 0; i < 50; i++) {
            line("working (" + i + "/50)");
            line("[usage] 100 tokens");
        }
        assertThat(check()).isEmpty();
    }

    @Test
    void theSameToolCallRepeatedIsALoopEvenWithOtherOutputBetween() {
        for (int i = 0; i < 5; i++) {
            sentinel.toolCall("Bash", "npm test");
            line("test run " + i + " failed");
        }
        assertThat(check()).hasValue(Stop.kill("loop: the same tool call was made 5 times in a row: 'Bash npm test'"));
    }

    @Test
    void theLoopThresholdComesFromTheSettings() {
        sentinel = sentinel(LIMITS, new SentinelSettings(2, Duration.ofSeconds(30), Duration.ofSeconds(5), 3,
                Duration.ofSeconds(10)));
        line("again");
        assertThat(check()).isEmpty();
        line("again");
        assertThat(check()).hasValueSatisfying(stop -> assertThat(stop.reason()).contains("2 times"));
    }

    @Test
    void theFirstStopIsKept() {
        sentinel.halt(Stop.kill("limit maxCostUsd exceeded: $5.10 spent of $5.00"));
        line("Press Enter to continue");
        after(Duration.ofHours(1));
        assertThat(check()).hasValue(Stop.kill("limit maxCostUsd exceeded: $5.10 spent of $5.00"));
    }

    @Test
    void eachSignalIsWorthAnEventTwentyTimesAStep() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.addAll(line("429 Too Many Requests, attempt " + i));
            events.addAll(line("connect ECONNREFUSED, attempt " + i));
        }
        assertThat(events).filteredOn("rate-limit"::equals).hasSize(20);
        assertThat(events).filteredOn("network-error"::equals).hasSize(20);
    }

    @Test
    void theInterpretersFinalErrorWinsThenItsReportedOneThenTheLastSignal() {
        assertThat(sentinel.failure(Optional.empty())).isEmpty();
        line("429 Too Many Requests");
        line("401 Unauthorized");
        assertThat(sentinel.failure(Optional.empty())).hasValue(Failure.AUTH_FAILED);
        assertThat(sentinel.failure(new AgentError(AgentError.Kind.SERVER, "502 Bad Gateway"))).hasValue("server-error");
        assertThat(sentinel.failure(new AgentError(AgentError.Kind.OTHER, "boom"))).isEmpty();
        assertThat(sentinel.failure(Optional.empty())).hasValue(Failure.SERVER_ERROR);
        assertThat(sentinel.failure(Optional.of(new AgentError(AgentError.Kind.RATE_LIMIT, "slow down"))))
                .hasValue(Failure.RATE_LIMIT);
        assertThat(sentinel.failure(Optional.of(new AgentError(AgentError.Kind.OTHER, "exit 1"))))
                .hasValue(Failure.SERVER_ERROR);
    }

    @Test
    void aStopAfterTheVerdictHasNoOutcomeOfItsOwn() {
        assertThat(Stop.afterVerdict("x").outcome()).isEmpty();
        assertThat(Stop.kill("x").outcome()).hasValue(StepOutcome.KILLED);
    }
}
