package io.logist.agent.claude;

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
import org.junit.jupiter.api.Test;

/** The interpreter on output recorded from claude 2.1.197 runs against the scripted model server. */
class ClaudeStreamInterpreterTest {
    private static final Recordings RECORDED = Recordings.in(ClaudeStreamInterpreterTest.class);

    @Test
    void aSuccessfulRunReportsSessionToolCallTextAndTheFinalMessage() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);

        List<AgentSignal> signals = feed(interpreter, "success.jsonl");
        AgentOutcome outcome = interpreter.finish(0);

        assertThat(signals).first().isEqualTo(new AgentSignal.Session("46946274-6c49-4f93-bce2-86fb65488105"));
        assertThat(signals).contains(new AgentSignal.ToolCall("Write", "/tmp/aa/c1/work/hello.txt"));
        assertThat(signals).filteredOn(AgentSignal.Message.class::isInstance).singleElement()
                .extracting(signal -> ((AgentSignal.Message) signal).text()).asString().contains("\"COMPLETED\"");
        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.finalMessage()).startsWith("Done.").contains("```json").contains("hello.txt");
    }

    @Test
    void turnUsageAddsUpToTheResultsTotalsAndTheCostComesFromTheResult() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);

        List<Usage> usages = usages(feed(interpreter, "success.jsonl"));

        assertThat(usages).hasSize(3);
        assertThat(usages.get(0)).isEqualTo(new Usage(28844, 1, java.util.Optional.empty()));
        Usage total = usages.stream().reduce(Usage.NONE, Usage::plus);
        assertThat(total.inputTokens()).isEqualTo(57784);
        assertThat(total.outputTokens()).isEqualTo(44);
        assertThat(total.costUsd()).contains(new BigDecimal("0.174012"));
    }

    @Test
    void withAPriceTableEachTurnHasACostAndTheResultAddsOnlyTheRest() {
        PriceTable prices = new PriceTable(Map.of("claude-sonnet-4-5-20250929",
                new PriceTable.Price(new BigDecimal("3"), new BigDecimal("15"))));
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(prices);

        List<Usage> usages = usages(feed(interpreter, "success.jsonl"));

        assertThat(usages.get(0).costUsd()).contains(new BigDecimal("0.086547"));
        assertThat(usages.stream().reduce(Usage.NONE, Usage::plus).costUsd()).contains(new BigDecimal("0.174012"));
    }

    @Test
    void theFloatingPointNoiseOfClaudesCostSumIsRoundedAway() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);

        List<AgentSignal> signals = interpreter.onLine(OutputChannel.STDOUT, "{\"type\":\"result\","
                + "\"is_error\":false,\"result\":\"ok\",\"total_cost_usd\":0.08864699999999999,"
                + "\"usage\":{\"input_tokens\":29389,\"output_tokens\":32}}");

        assertThat(signals).containsExactly(new AgentSignal.UsageDelta(
                Usage.of(29389, 32, new BigDecimal("0.088647"))));
    }

    @Test
    void aMessageInSeveralLinesIsCountedOnce() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);
        String usage = "\"usage\":{\"input_tokens\":100,\"output_tokens\":7}";

        List<AgentSignal> first = interpreter.onLine(OutputChannel.STDOUT, "{\"type\":\"assistant\",\"message\":"
                + "{\"id\":\"msg_1\",\"model\":\"m\",\"content\":[{\"type\":\"text\",\"text\":\"Let me write it.\"}],"
                + usage + "}}");
        List<AgentSignal> second = interpreter.onLine(OutputChannel.STDOUT, "{\"type\":\"assistant\",\"message\":"
                + "{\"id\":\"msg_1\",\"model\":\"m\",\"content\":[{\"type\":\"tool_use\",\"name\":\"Bash\","
                + "\"input\":{\"command\":\"ls\"}}]," + usage + "}}");

        assertThat(first).containsExactly(new AgentSignal.Message("Let me write it."),
                new AgentSignal.UsageDelta(new Usage(100, 7, java.util.Optional.empty())));
        assertThat(second).containsExactly(new AgentSignal.ToolCall("Bash", "ls"));
    }

    @Test
    void unauthorizedIsAnAuthenticationError() {
        AgentOutcome outcome = outcomeOf("unauthorized.jsonl", 1);

        assertThat(outcome.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo(AgentError.Kind.AUTHENTICATION);
            assertThat(error.message()).contains("Failed to authenticate").contains("401");
        });
    }

    @Test
    void aServerErrorIsAServerError() {
        assertThat(outcomeOf("server-error.jsonl", 1).error()).map(AgentError::kind).contains(AgentError.Kind.SERVER);
    }

    @Test
    void aRateLimitIsARateLimit() {
        assertThat(outcomeOf("rate-limited.jsonl", 1).error()).map(AgentError::kind)
                .contains(AgentError.Kind.RATE_LIMIT);
    }

    @Test
    void aRetryIsReportedAsAMessageAndTheFailureOnlyAtTheEnd() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);

        List<AgentSignal> signals = feed(interpreter, "server-error-retried.jsonl");

        assertThat(signals).contains(new AgentSignal.Message(
                "claude retries a failed API request (attempt 1 of 1, status 500: server_error)"));
        assertThat(signals).last().isInstanceOfSatisfying(AgentSignal.Failure.class, failure ->
                assertThat(failure.error().kind()).isEqualTo(AgentError.Kind.SERVER));
        assertThat(signals).filteredOn(AgentSignal.Failure.class::isInstance).hasSize(1);
    }

    @Test
    void theBudgetLimitIsAnErrorThatSaysSo() {
        AgentOutcome outcome = outcomeOf("max-budget.jsonl", 1);

        assertThat(outcome.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo(AgentError.Kind.OTHER);
            assertThat(error.message()).isEqualTo("Reached maximum budget ($0.01)");
        });
    }

    @Test
    void withoutAResultLineTheRunFailedAndStandardErrorSaysWhy() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);
        interpreter.onLine(OutputChannel.STDERR, "Error: When using --print, --output-format=stream-json requires --verbose");

        AgentOutcome outcome = interpreter.finish(1);

        assertThat(outcome.error()).hasValueSatisfying(error -> {
            assertThat(error.kind()).isEqualTo(AgentError.Kind.OTHER);
            assertThat(error.message()).contains("code 1").contains("requires --verbose");
        });
    }

    @Test
    void aTimeoutWithoutStatusIsANetworkError() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);
        interpreter.onLine(OutputChannel.STDOUT, "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":true,"
                + "\"api_error_status\":null,\"result\":\"Request timed out\",\"total_cost_usd\":0,"
                + "\"usage\":{\"input_tokens\":0,\"output_tokens\":0}}");

        assertThat(interpreter.finish(1).error()).map(AgentError::kind).contains(AgentError.Kind.NETWORK);
    }

    @Test
    void linesThatAreNotJsonAreWhatItSaid() {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);

        assertThat(interpreter.onLine(OutputChannel.STDOUT, "plain text")).containsExactly(
                new AgentSignal.Message("plain text"));
        assertThat(interpreter.onLine(OutputChannel.STDOUT, "{broken")).containsExactly(
                new AgentSignal.Message("{broken"));
        assertThat(interpreter.onLine(OutputChannel.STDERR, "warning")).isEmpty();
    }

    private static AgentOutcome outcomeOf(String recording, int exitCode) {
        ClaudeStreamInterpreter interpreter = new ClaudeStreamInterpreter(PriceTable.NONE);
        feed(interpreter, recording);
        return interpreter.finish(exitCode);
    }

    private static List<AgentSignal> feed(ClaudeStreamInterpreter interpreter, String recording) {
        return RECORDED.feed(interpreter, OutputChannel.STDOUT, recording);
    }

    private static List<Usage> usages(List<AgentSignal> signals) {
        return signals.stream().filter(AgentSignal.UsageDelta.class::isInstance)
                .map(signal -> ((AgentSignal.UsageDelta) signal).usage()).toList();
    }
}
