package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Usage;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MockOutputInterpreterTest {
    private final MockOutputInterpreter interpreter = new MockOutputInterpreter();

    @Test
    void readsAUsageLineAsAUsageDelta() {
        assertThat(stdout("[mock-usage] input_tokens=1200 output_tokens=300 cost_usd=0.0125"))
                .containsExactly(new AgentSignal.UsageDelta(Usage.of(1200, 300, new BigDecimal("0.0125"))));
    }

    @Test
    void readsTheSessionLineAsTheSessionId() {
        assertThat(stdout("[mock-session] mock-3-worker")).containsExactly(new AgentSignal.Session("mock-3-worker"));
    }

    @Test
    void readsEveryOtherLineAsAMessage() {
        assertThat(stdout("mock: reading the task")).containsExactly(new AgentSignal.Message("mock: reading the task"));
        assertThat(stdout("[mock-usage] input_tokens=lots")).containsExactly(
                new AgentSignal.Message("[mock-usage] input_tokens=lots"));
        assertThat(stdout("   ")).isEmpty();
    }

    @Test
    void saysNothingAboutStandardError() {
        assertThat(interpreter.onLine(OutputChannel.STDERR, "mock: warning")).isEmpty();
    }

    @Test
    void theFinalMessageIsWhatTheAgentSaidWithoutItsProtocolLines() {
        stdout("[mock-session] mock-1-worker");
        stdout("mock: editing mock-work.txt");
        stdout("[mock-usage] input_tokens=1 output_tokens=2 cost_usd=0.1");
        stdout("```json");
        stdout("{\"action\": \"COMPLETED\"}");
        stdout("```");
        interpreter.onLine(OutputChannel.STDERR, "mock: a warning");

        assertThat(interpreter.finish(0)).isEqualTo(new AgentOutcome(
                "mock: editing mock-work.txt\n```json\n{\"action\": \"COMPLETED\"}\n```", Optional.empty()));
    }

    @Test
    void aNonZeroExitIsAnErrorWithTheLastLinesOfStandardError() {
        stdout("mock: starting");
        for (int i = 1; i <= 7; i++) {
            interpreter.onLine(OutputChannel.STDERR, "error " + i);
        }

        assertThat(interpreter.finish(1).error()).contains(
                new AgentError(AgentError.Kind.OTHER, "error 3\nerror 4\nerror 5\nerror 6\nerror 7"));
    }

    @Test
    void aNonZeroExitWithoutStandardErrorSaysTheExitCode() {
        assertThat(interpreter.finish(3).error()).contains(new AgentError(AgentError.Kind.OTHER,
                "the mock agent exited with code 3 and wrote nothing to standard error"));
    }

    private List<AgentSignal> stdout(String line) {
        return interpreter.onLine(OutputChannel.STDOUT, line);
    }
}
