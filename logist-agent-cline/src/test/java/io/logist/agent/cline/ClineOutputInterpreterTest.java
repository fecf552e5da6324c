package io.logist.agent.cline;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClineOutputInterpreterTest {
    private static final Recordings RECORDED = Recordings.in(ClineOutputInterpreterTest.class, "recorded");
    private static final String VERDICT = "Done.\n```json\n{\"action\": \"COMPLETED\", \"summary_for_supervisor\":"
            + " \"wrote hello.txt\", \"evidence_files\": [\"hello.txt\"]}\n```";

    @TempDir
    Path stepDirectory;

    private ClineOutputInterpreter interpreter;

    @org.junit.jupiter.api.BeforeEach
    void unpricedInterpreter() {
        interpreter = interpreter(Optional.of("gpt-4o"), PriceTable.NONE);
    }

    @Test
    void readsASuccessfulRunAsToolCallUsagePerModelCallAndTheFinalText() {
        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");
        RECORDED.feed(interpreter, OutputChannel.STDERR, "success.stderr.txt");

        assertThat(signals).containsExactly(
                new AgentSignal.UsageDelta(new Usage(1000, 20, Optional.empty())),
                new AgentSignal.ToolCall("apply_patch", "hello.txt"),
                new AgentSignal.UsageDelta(new Usage(1000, 20, Optional.empty())),
                new AgentSignal.Message(VERDICT));
        assertThat(interpreter.finish(0)).isEqualTo(new AgentOutcome(VERDICT, Optional.empty()));
    }

    @Test
    void pricesTheTokensOfTheConfiguredModelWhenClineReportsNoCost() {
        interpreter = interpreter(Optional.of("gpt-4o"), new PriceTable(Map.of("gpt-4o",
                PriceTable.Price.parse("2.5/10").orElseThrow())));

        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "success.jsonl");

        assertThat(signals).filteredOn(AgentSignal.UsageDelta.class::isInstance).containsExactly(
                new AgentSignal.UsageDelta(Usage.of(1000, 20, new BigDecimal("0.0027000"))),
                new AgentSignal.UsageDelta(Usage.of(1000, 20, new BigDecimal("0.0027000"))));
    }

    @Test
    void takesEachModelCallsShareOfTheRunningCostClineReports() {
        List<AgentSignal> first = stdout(usageEvent(5000, 40, "0.0156"));
        List<AgentSignal> second = stdout(usageEvent(5200, 12, "0.0334"));

        assertThat(first).containsExactly(new AgentSignal.UsageDelta(Usage.of(5000, 40, new BigDecimal("0.0156"))));
        assertThat(second).containsExactly(new AgentSignal.UsageDelta(Usage.of(5200, 12, new BigDecimal("0.0178"))));
    }

    @Test
    void reportsTheRunsTotalUsageWhenNoModelCallReportedItsOwn() {
        List<AgentSignal> signals = stdout("{\"type\":\"run_result\",\"finishReason\":\"completed\","
                + "\"usage\":{\"inputTokens\":900,\"outputTokens\":30,\"totalCost\":0.01},\"text\":\"ok\"}");

        assertThat(signals).containsExactly(new AgentSignal.UsageDelta(Usage.of(900, 30, new BigDecimal("0.01"))));
        assertThat(interpreter.finish(0).finalMessage()).isEqualTo("ok");
    }

    @ParameterizedTest
    @CsvSource({
            "error-401.jsonl, AUTHENTICATION, API key not valid",
            "error-429.jsonl, RATE_LIMIT, Resource has been exhausted",
            "error-context-overflow.jsonl, CONTEXT_OVERFLOW, exceeds the maximum number of tokens",
            "error-network.jsonl, NETWORK, Cannot connect to API"})
    void classifiesTheErrorEventOfARecordedFailureWhateverTheExitCode(String recording, Kind kind, String words) {
        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, recording);

        assertThat(signals).singleElement().isInstanceOfSatisfying(AgentSignal.Failure.class, failure -> {
            assertThat(failure.error().kind()).isEqualTo(kind);
            assertThat(failure.error().message()).contains(words);
        });
        assertThat(interpreter.finish(1).error()).map(AgentError::kind).contains(kind);
        assertThat(interpreter.finish(0).error()).map(AgentError::kind).contains(kind);
    }

    @Test
    void theErrorLineOnStandardErrorAfterTheRunDoesNotReplaceTheClassifiedFailure() {
        RECORDED.feed(interpreter, OutputChannel.STDOUT, "error-401.jsonl");

        assertThat(RECORDED.feed(interpreter, OutputChannel.STDERR, "error-401.stderr.txt")).isEmpty();
        assertThat(interpreter.finish(1).error()).contains(new AgentError(Kind.AUTHENTICATION,
                "authentication refused (cline error class auth): API key not valid"));
    }

    @Test
    void anErrorWithoutTellingWordsTakesTheHttpStatusClineLogged() {
        RECORDED.copy("error-500.cline.log", stepDirectory.resolve(ClineAgent.LOG_FILE));

        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "error-500.jsonl");

        assertThat(signals).containsExactly(new AgentSignal.Failure(new AgentError(Kind.SERVER,
                "model server error (HTTP 500 in cline's log): model server scripted error")));
    }

    @Test
    void anErrorWithoutTellingWordsOrALogIsOther() {
        List<AgentSignal> signals = RECORDED.feed(interpreter, OutputChannel.STDOUT, "error-500.jsonl");

        assertThat(signals).containsExactly(
                new AgentSignal.Failure(new AgentError(Kind.OTHER, "model server scripted error")));
    }

    @Test
    void aTopLevelErrorSuchAsAMissingPromptIsAFailure() {
        List<AgentSignal> signals = interpreter.onLine(OutputChannel.STDERR, "{\"ts\":\"2026-11-22T04:48:25.738Z\","
                + "\"type\":\"error\",\"message\":\"JSON output mode requires a prompt argument or piped stdin"
                + " (interactive mode is unsupported)\"}");

        assertThat(signals).singleElement().isInstanceOf(AgentSignal.Failure.class);
        assertThat(interpreter.finish(1).error()).map(AgentError::kind).contains(Kind.OTHER);
    }

    @Test
    void anAbortedRunIsAFailure() {
        stdout("{\"type\":\"run_result\",\"finishReason\":\"aborted\",\"usage\":{},\"text\":\"The operation timed out.\"}");
        stdout("{\"type\":\"run_aborted\",\"reason\":\"local_abort\",\"message\":\"aborted\"}");

        assertThat(interpreter.finish(143).error())
                .contains(new AgentError(Kind.NETWORK, "The operation timed out."));
    }

    @Test
    void showsTheCommandsOfAShellCallAndTheMainInputOfOtherTools() {
        assertThat(stdout(toolStart("run_commands", "{\"commands\":[\"npm test\",\"git status\"]}")))
                .containsExactly(new AgentSignal.ToolCall("run_commands", "npm test; git status"));
        assertThat(stdout(toolStart("editor", "{\"path\":\"/w/src/A.java\",\"new_text\":\"x\"}")))
                .containsExactly(new AgentSignal.ToolCall("editor", "/w/src/A.java"));
        assertThat(stdout(toolStart("read_files", "{\"file_paths\":[\"a\"]}")))
                .containsExactly(new AgentSignal.ToolCall("read_files", "{\"file_paths\":[\"a\"]}"));
    }

    @Test
    void aFailedExitWithoutAnErrorEventSaysTheCodeAndTheMeaningfulLinesOfStandardError() {
        RECORDED.feed(interpreter, OutputChannel.STDERR, "success.stderr.txt");
        interpreter.onLine(OutputChannel.STDERR, "Segmentation fault");

        AgentError error = interpreter.finish(139).error().orElseThrow();

        assertThat(error.kind()).isEqualTo(Kind.OTHER);
        assertThat(error.message()).startsWith("cline exited with code 139: ").contains("Segmentation fault")
                .doesNotContain("AI SDK Warning", "at transform");
    }

    private ClineOutputInterpreter interpreter(Optional<String> model, PriceTable prices) {
        return new ClineOutputInterpreter(model, prices, stepDirectory.resolve(ClineAgent.LOG_FILE));
    }

    private List<AgentSignal> stdout(String line) {
        return interpreter.onLine(OutputChannel.STDOUT, line);
    }

    private static String usageEvent(long input, long output, String totalCost) {
        return "{\"type\":\"agent_event\",\"event\":{\"type\":\"usage\",\"inputTokens\":" + input + ",\"outputTokens\":"
                + output + ",\"totalCost\":" + totalCost + "}}";
    }

    private static String toolStart(String tool, String input) {
        return "{\"type\":\"agent_event\",\"event\":{\"type\":\"content_start\",\"contentType\":\"tool\",\"toolName\":\""
                + tool + "\",\"toolCallId\":\"c1\",\"input\":" + input + "}}";
    }
}
