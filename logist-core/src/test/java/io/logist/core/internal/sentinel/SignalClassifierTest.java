package io.logist.core.internal.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SignalClassifierTest {
    private final SignalClassifier defaults = SignalClassifier.withDefaults(Map.of());

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "HTTP 429 from the API                              | RATE_LIMIT",
        "Rate limit reached for requests                    | RATE_LIMIT",
        "error: rate_limit_error                            | RATE_LIMIT",
        "Too Many Requests                                  | RATE_LIMIT",
        "{\"type\":\"overloaded_error\"}                    | RATE_LIMIT",
        "status 401                                         | AUTH_FAILED",
        "403 Forbidden                                      | AUTH_FAILED",
        "Error: Invalid API key provided                    | AUTH_FAILED",
        "invalid_api_key                                    | AUTH_FAILED",
        "Unauthorized                                       | AUTH_FAILED",
        "Authentication error: bad token                    | AUTH_FAILED",
        "prompt exceeds the context length of the model     | CONTEXT_OVERFLOW",
        "context_length_exceeded                            | CONTEXT_OVERFLOW",
        "input is larger than the context window            | CONTEXT_OVERFLOW",
        "This model's maximum context is 200000 tokens      | CONTEXT_OVERFLOW",
        "Too many tokens in the request                     | CONTEXT_OVERFLOW",
        "connect ECONNREFUSED 127.0.0.1:443                 | NETWORK_ERROR",
        "getaddrinfo ENOTFOUND api.example.com              | NETWORK_ERROR",
        "read ETIMEDOUT                                     | NETWORK_ERROR",
        "Connection refused by the host                     | NETWORK_ERROR",
        "A network error occurred                           | NETWORK_ERROR",
        "Press Enter to continue                            | WAITING_INPUT",
        "Overwrite the file? [y/N]                          | WAITING_INPUT",
        "Apply these changes? [Y/n]                         | WAITING_INPUT",
        "Do you want to proceed?                            | WAITING_INPUT",
        "Are you sure (yes/no)                              | WAITING_INPUT",
        "Continue?                                          | WAITING_INPUT"})
    void everyBuiltInPatternRaisesItsSignal(String line, Signal signal) {
        assertThat(defaults.classify(line)).containsExactly(signal);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Compiling 4294 files",
        "editing src/Login.java",
        "we continue with the next file",
        "All 14014 tests passed"})
    void ordinaryLinesRaiseNothing(String line) {
        assertThat(defaults.classify(line)).isEmpty();
    }

    @Test
    void aLineMatchingSeveralPatternsOfOneSignalRaisesItOnce() {
        assertThat(defaults.classify("429 Too Many Requests: rate limit")).containsExactly(Signal.RATE_LIMIT);
    }

    @Test
    void aLineCanRaiseSeveralSignals() {
        assertThat(defaults.classify("401 Unauthorized after ECONNREFUSED"))
                .containsExactly(Signal.AUTH_FAILED, Signal.NETWORK_ERROR);
    }

    @Test
    void userPatternsAreAddedToTheBuiltInOnesAndTakenAsWritten() {
        SignalClassifier classifier = SignalClassifier.withDefaults(Map.of(
                "rate-limit", List.of("quota exceeded"), "waiting-input", List.of("(?i)type your answer")));
        assertThat(classifier.classify("daily quota exceeded")).containsExactly(Signal.RATE_LIMIT);
        assertThat(classifier.classify("Quota exceeded")).isEmpty();
        assertThat(classifier.classify("TYPE YOUR ANSWER:")).containsExactly(Signal.WAITING_INPUT);
        assertThat(classifier.classify("429")).containsExactly(Signal.RATE_LIMIT);
    }

    @Test
    void anUnknownSignalNameIsRefused() {
        assertThatThrownBy(() -> SignalClassifier.withDefaults(Map.of("hang", List.of("x"))))
                .hasMessageContaining("'hang' is not a signal").hasMessageContaining("rate-limit");
    }
}
