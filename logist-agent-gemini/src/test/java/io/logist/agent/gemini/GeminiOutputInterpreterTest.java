package io.logist.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.Usage;
import io.logist.agent.support.PriceTable;
import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
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

class GeminiOutputInterpreterTest {
    private static final Recordings RECORDED = Recordings.in(GeminiOutputInterpreterTest.class, "recorded");
    private static final String VERDICT = "Done.\n```json\n{\"action\": \"COMPLETED\", \"summary_for_supervisor\":"
            + " \"wrote hello.txt\", \"evidence_files\": [\"hello.txt\"]}\n```";

    private GeminiOutputInterpreter interpreter = new GeminiOutputInterpreter(PriceTable.NONE);

    @Test
    void readsASuccessfulRunAsSessionToolCallMessageAndUsage() {
        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");

        assertThat(signals).containsExactly(
                new AgentSignal.Session("29bd55f3-d22c-4837-834e-00469ce07201"),
                new AgentSignal.ToolCall("write_file", "hello.txt"),
                new AgentSignal.Message(VERDICT),
                new AgentSignal.UsageDelta(new Usage(2000, 40, Optional.empty())));
        assertThat(interpreter.finish(0)).isEqualTo(new AgentOutcome(VERDICT, Optional.empty()));
    }

    @Test
    void pricesTheTokensOfEachModelWithTheConfiguredPrices() {
        interpreter = new GeminiOutputInterpreter(new PriceTable(Map.of("gemini-2.5-pro",
                PriceTable.Price.parse("1.25/10").orElseThrow())));

        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");

        assertThat(signals).contains(new AgentSignal.UsageDelta(Usage.of(2000, 40, new BigDecimal("0.00290000"))));
    }

    @Test
    void reportsNoCostWhenAModelThatUsedTokensHasNoPrice() {
        interpreter = new GeminiOutputInterpreter(new PriceTable(Map.of("gemini-2.5-flash",
                PriceTable.Price.parse("0.3/2.5").orElseThrow())));

        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");

        assertThat(signals).contains(new AgentSignal.UsageDelta(new Usage(2000, 40, Optional.empty())));
    }

    @ParameterizedTest
    @CsvSource({
            "error-401.jsonl, AUTHENTICATION, API key not valid, 145",
            "error-429.jsonl, RATE_LIMIT, Resource has been exhausted, 173",
            "error-500.jsonl, SERVER, model server scripted error, 244",
            "error-context-overflow.jsonl, CONTEXT_OVERFLOW, exceeds the maximum number of tokens, 144",
            "error-network.jsonl, NETWORK, fetch failed, 1"})
    void classifiesTheErrorResultOfARecordedFailure(String recording, Kind kind, String words, int exitCode) {
        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, recording);

        assertThat(signals).filteredOn(AgentSignal.Failure.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AgentSignal.Failure.class, failure -> {
            assertThat(failure.error().kind()).isEqualTo(kind);
            assertThat(failure.error().message()).contains(words);
        });
        AgentOutcome outcome = interpreter.finish(exitCode);
        assertThat(outcome.error()).map(AgentError::kind).contains(kind);
        assertThat(outcome.finalMessage()).isEmpty();
    }

    @Test
    void reportsAnAssistantTurnWholeOnceItEndsAndKeepsOnlyTheLastTurnAsTheFinalMessage() {
        List<AgentSignal> firstTurn = List.of(
                stdout("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"I will \",\"delta\":true}"),
                stdout("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"write it.\",\"delta\":true}"))
                .stream().flatMap(List::stream).toList();
        List<AgentSignal> toolCall = stdout("{\"type\":\"tool_use\",\"tool_name\":\"run_shell_command\","
                + "\"tool_id\":\"t1\",\"parameters\":{\"command\":\"make test\",\"description\":\"tests\"}}");
        stdout("{\"type\":\"tool_result\",\"tool_id\":\"t1\",\"status\":\"success\",\"output\":\"ok\"}");
        stdout("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"All \",\"delta\":true}");
        stdout("{\"type\":\"message\",\"role\":\"assistant\",\"content\":\"done.\",\"delta\":true}");
        List<AgentSignal> result = stdout("{\"type\":\"result\",\"status\":\"success\",\"stats\":{}}");

        assertThat(firstTurn).isEmpty();
        assertThat(toolCall).containsExactly(new AgentSignal.Message("I will write it."),
                new AgentSignal.ToolCall("run_shell_command", "make test"));
        assertThat(result).containsExactly(new AgentSignal.Message("All done."));
        assertThat(interpreter.finish(0)).isEqualTo(new AgentOutcome("All done.", Optional.empty()));
    }

    @Test
    void aToolCallWithoutATellingParameterShowsItsParametersShortened() {
        String longText = "x".repeat(300);

        List<AgentSignal> signals = stdout("{\"type\":\"tool_use\",\"tool_name\":\"update_topic\","
                + "\"parameters\":{\"topic\":\"" + longText + "\"}}");

        assertThat(signals).singleElement().isInstanceOfSatisfying(AgentSignal.ToolCall.class, call -> {
            assertThat(call.tool()).isEqualTo("update_topic");
            assertThat(call.detail()).hasSize(200).startsWith("{\"topic\":\"xxx").endsWith("...");
        });
    }

    @Test
    void ignoresTheUserPromptWarningsAndLinesThatAreNotJsonEvents() {
        assertThat(stdout("{\"type\":\"message\",\"role\":\"user\",\"content\":\"{\\\"action\\\": \\\"STUCK\\\"}\"}"))
                .isEmpty();
        assertThat(stdout("{\"type\":\"error\",\"severity\":\"warning\",\"message\":\"Loop detected\"}")).isEmpty();
        assertThat(stdout("Warning: not json")).isEmpty();
        assertThat(stdout("{\"type\": broken")).isEmpty();
        assertThat(stdout("[1, 2]")).isEmpty();

        assertThat(interpreter.finish(0)).isEqualTo(new AgentOutcome("", Optional.empty()));
    }

    @Test
    void anErrorEventIsAFailureEvenWhenTheProcessExitsZero() {
        List<AgentSignal> signals = stdout(
                "{\"type\":\"error\",\"severity\":\"error\",\"message\":\"Maximum session turns exceeded\"}");

        AgentError expected = new AgentError(Kind.OTHER, "Maximum session turns exceeded");
        assertThat(signals).containsExactly(new AgentSignal.Failure(expected));
        assertThat(interpreter.finish(0).error()).contains(expected);
    }

    @Test
    void aProcessThatDiedWithoutAResultIsClassifiedByItsExitCodeWithTheLastLinesOfStandardError() {
        RECORDED.feed(interpreter, OutputChannel.STDERR, "error-500.stderr.txt");

        AgentError error = interpreter.finish(244).error().orElseThrow();

        assertThat(error.kind()).isEqualTo(Kind.SERVER);
        assertThat(error.message()).startsWith("gemini exited with code 244 (HTTP 500): ")
                .contains("Max attempts reached", "status: 500")
                .doesNotContain("256-color");
    }

    @Test
    void aFailedExitWithoutAnythingOnStandardErrorSaysTheCode() {
        assertThat(interpreter.finish(52).error())
                .contains(new AgentError(Kind.OTHER, "gemini exited with code 52"));
    }

    private List<AgentSignal> stdout(String line) {
        return interpreter.onLine(OutputChannel.STDOUT, line);
    }
}
