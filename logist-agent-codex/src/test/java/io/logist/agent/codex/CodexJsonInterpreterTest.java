package io.logist.agent.codex;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Usage;
import io.logist.agent.support.PriceTable;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.testkit.Recordings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The interpreter on output recorded from codex 0.169.0 runs against the scripted model server. */
class CodexJsonInterpreterTest {
    private static final Recordings RECORDED = Recordings.in(CodexJsonInterpreterTest.class);

    @Test
    void aSuccessfulRunReportsSessionFileChangeUsageAndTheFinalMessage() {
        CodexJsonInterpreter interpreter = new CodexJsonInterpreter(Optional.empty(), PriceTable.NONE);

        List<AgentSignal> signals = feed(interpreter, "success.jsonl");
        AgentOutcome outcome = interpreter.finish(0);

        assertThat(signals).containsExactly(
                new AgentSignal.Session("01a2018c-5736-7120-8bf5-9f26d3b2bd74"),
                new AgentSignal.ToolCall("apply_patch", "add /tmp/aa/x1/work/hello.txt"),
                new AgentSignal.Message(outcome.finalMessage()),
                new AgentSignal.UsageDelta(new Usage(19135, 46, Optional.empty())));
        assertThat(outcome.finalMessage()).startsWith("Done.").contains("\"COMPLETED\"");
        assertThat(outcome.error()).isEmpty();
    }

    @Test
    void aShellCommandIsAToolCallReportedOnceAndAWarningItemIsAMessage() {
        CodexJsonInterpreter interpreter = new CodexJsonInterpreter(Optional.empty(), PriceTable.NONE);

        List<AgentSignal> signals = feed(interpreter, "shell.jsonl");

        assertThat(signals).filteredOn(AgentSignal.ToolCall.class::isInstance).containsExactly(
                new AgentSignal.ToolCall("shell", "/bin/bash -lc \"printf '%s' 'hello from agent' > 'hello.txt'\""));
        assertThat(signals).filteredOn(AgentSignal.Message.class::isInstance).first()
                .isEqualTo(new AgentSignal.Message("codex: Model metadata for `gpt-5-codex` not found. Defaulting"
                        + " to fallback metadata; this can degrade performance and cause issues."));
        assertThat(interpreter.finish(0).error()).isEmpty();
    }

    @Test
    void aPricedModelGivesTheTurnACost() {
        PriceTable prices = new PriceTable(Map.of("gpt-5.5",
                new PriceTable.Price(new BigDecimal("1.25"), new BigDecimal("10"))));
        CodexJsonInterpreter interpreter = new CodexJsonInterpreter(Optional.of("gpt-5.5"), prices);

        List<AgentSignal> signals = feed(interpreter, "success.jsonl");

        assertThat(signals).contains(new AgentSignal.UsageDelta(Usage.of(19135, 46, new BigDecimal("0.02437875"))));
    }

    @ParameterizedTest
    @CsvSource({
        "unauthorized.jsonl, AUTHENTICATION, unexpected status 401 Unauthorized",
        "server-error.jsonl, SERVER, high demand",
        "rate-limited.jsonl, RATE_LIMIT, last status: 429",
        "missing-key.jsonl, AUTHENTICATION, Missing environment variable",
    })
    void aFailedTurnIsClassifiedFromItsMessage(String recording, AgentError.Kind kind, String words) {
        CodexJsonInterpreter interpreter = new CodexJsonInterpreter(Optional.empty(), PriceTable.NONE);

        List<AgentSignal> signals = feed(interpreter, recording);
        AgentOutcome outcome = interpreter.finish(1);

        assertThat(outcome.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo(kind);
            assertThat(error.message()).contains(words);
        });
        assertThat(signals).last().isEqualTo(new AgentSignal.Failure(outcome.error().orElseThrow()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unexpected status 403 Forbidden: nope, url: http://x/v1/responses | AUTHENTICATION",
        "unexpected status 502 Bad Gateway | SERVER",
        "stream disconnected before completion: idle timeout waiting for SSE | NETWORK",
        "Your input exceeds the context window of this model | CONTEXT_OVERFLOW",
        "unexpected status 400 Bad Request: unknown parameter | OTHER",
    })
    void messagesCodexIsKnownToPrintHaveTheirKind(String message, AgentError.Kind kind) {
        assertThat(CodexJsonInterpreter.classify(message).kind()).isEqualTo(kind);
    }

    @Test
    void anExitWithoutACompletedTurnIsAnErrorNamingStandardError() {
        CodexJsonInterpreter interpreter = new CodexJsonInterpreter(Optional.empty(), PriceTable.NONE);
        interpreter.onLine(OutputChannel.STDERR, "error: unexpected argument '--full-auto' found");

        AgentOutcome outcome = interpreter.finish(2);

        assertThat(outcome.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo(AgentError.Kind.OTHER);
            assertThat(error.message()).contains("code 2").contains("--full-auto");
        });
    }

    private static List<AgentSignal> feed(CodexJsonInterpreter interpreter, String recording) {
        return RECORDED.feed(interpreter, OutputChannel.STDOUT, recording);
    }
}
