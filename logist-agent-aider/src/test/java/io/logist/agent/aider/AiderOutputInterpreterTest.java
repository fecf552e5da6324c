package io.logist.agent.aider;

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

class AiderOutputInterpreterTest {
    private static final Recordings DOCUMENTED = Recordings.in(AiderOutputInterpreterTest.class, "documented");
    private AiderOutputInterpreter interpreter = new AiderOutputInterpreter(Optional.of("sonnet"), PriceTable.NONE);

    @Test
    void readsTheUsageReportTheEditedFileAndTheReplyOfASuccessfulMessage() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "success.txt");

        assertThat(signals).contains(
                new AgentSignal.UsageDelta(Usage.of(2300, 135, new BigDecimal("0.0089"))),
                new AgentSignal.ToolCall("edit", "hello.txt"),
                new AgentSignal.Message("I'll create the file."));
        assertThat(signals).filteredOn(AgentSignal.Failure.class::isInstance).isEmpty();
        AgentOutcome outcome = interpreter.finish(0);
        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.finalMessage()).startsWith("Aider v0.47.1-dev")
                .endsWith("```json\n{\"action\": \"COMPLETED\", \"summary_for_supervisor\": \"Created hello.txt\","
                        + " \"evidence_files\": [\"hello.txt\"]}\n```")
                .doesNotContain("Tokens:", "Applied edit to");
    }

    @Test
    void countsCacheHitsAsInputAndTakesTheCostFromItsOwnLine() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "cache-usage.txt");

        assertThat(signals).filteredOn(AgentSignal.UsageDelta.class::isInstance).containsExactly(
                new AgentSignal.UsageDelta(new Usage(20_100, 210, Optional.empty())),
                new AgentSignal.UsageDelta(Usage.of(0, 0, new BigDecimal("0.05"))));
    }

    @Test
    void pricesAModelAiderCannotPriceWithTheConfiguredPrices() {
        interpreter = new AiderOutputInterpreter(Optional.of("openai/my-model"), new PriceTable(Map.of(
                "openai/my-model", PriceTable.Price.parse("0.5/1.5").orElseThrow())));

        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "unpriced.txt");

        assertThat(signals).contains(new AgentSignal.UsageDelta(Usage.of(730, 895, new BigDecimal("0.0017075"))),
                new AgentSignal.ToolCall("edit", "csv_total.py"));
    }

    @Test
    void reportsTokensOnlyForAModelWithoutAnyPrice() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "unpriced.txt");

        assertThat(signals).contains(new AgentSignal.UsageDelta(new Usage(730, 895, Optional.empty())));
    }

    @Test
    void aRefusedKeyIsAnAuthenticationFailureAtOnceThoughAiderExitsZero() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "error-authentication.txt");

        assertThat(signals).singleElement().isInstanceOfSatisfying(AgentSignal.Failure.class, failure ->
                assertThat(failure.error().kind()).isEqualTo(Kind.AUTHENTICATION));
        assertThat(interpreter.finish(0).error()).map(AgentError::kind).contains(Kind.AUTHENTICATION);
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesIsARateLimitFailureAtTheEnd() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "error-rate-limit.txt");

        assertThat(signals).isEmpty();
        AgentError error = interpreter.finish(0).error().orElseThrow();
        assertThat(error.kind()).isEqualTo(Kind.RATE_LIMIT);
        assertThat(error.message()).startsWith("litellm.RateLimitError: ");
    }

    @Test
    void aServerErrorFollowedByAReplyIsNoFailure() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "error-server-recovered.txt");

        assertThat(signals).contains(new AgentSignal.UsageDelta(Usage.of(1100, 20, new BigDecimal("0.0030"))));
        AgentOutcome outcome = interpreter.finish(0);
        assertThat(outcome.error()).isEmpty();
        assertThat(outcome.finalMessage()).isEqualTo("Done.");
    }

    @Test
    void theDocumentedTokenLimitErrorIsAContextOverflow() {
        List<AgentSignal> signals = DOCUMENTED.feed(interpreter, OutputChannel.STDOUT, "error-token-limit.txt");

        assertThat(signals).first().isEqualTo(new AgentSignal.Failure(
                new AgentError(Kind.CONTEXT_OVERFLOW, "Model gpt-3.5-turbo has hit a token limit!")));
        assertThat(interpreter.finish(0).error()).map(AgentError::kind).contains(Kind.CONTEXT_OVERFLOW);
    }

    @Test
    void anExplanationWithoutTheExceptionLineStillClassifiesTheFailure() {
        interpreter.onLine(OutputChannel.STDOUT, "The API provider's servers are down or overloaded.");

        assertThat(interpreter.finish(0).error()).contains(
                new AgentError(Kind.SERVER, "The API provider's servers are down or overloaded."));
    }

    @Test
    void aFailedExitSaysTheCodeAndTheLastLinesOfStandardError() {
        interpreter.onLine(OutputChannel.STDERR, "Traceback (most recent call last):");
        interpreter.onLine(OutputChannel.STDERR, "ModuleNotFoundError: No module named 'litellm'");

        assertThat(interpreter.finish(1).error()).contains(new AgentError(Kind.OTHER, "aider exited with code 1: "
                + "Traceback (most recent call last):\nModuleNotFoundError: No module named 'litellm'"));
    }

    @Test
    void readsRoundedCountsOfMillionsAndAWholeCost() {
        List<AgentSignal> signals = interpreter.onLine(OutputChannel.STDOUT,
                "Tokens: 1.2M sent, 16k received. Cost: $4 message, $9.50 session.");

        assertThat(signals).containsExactly(
                new AgentSignal.UsageDelta(Usage.of(1_200_000, 16_000, new BigDecimal("4"))));
    }
}
