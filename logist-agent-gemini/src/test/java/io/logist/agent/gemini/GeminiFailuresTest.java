package io.logist.agent.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.agent.support.StderrTail;
import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeminiFailuresTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[API Error: {\"error\":{\"code\":403,\"message\":\"denied\",\"status\":\"PERMISSION_DENIED\"}}] | AUTHENTICATION",
            "[API Error: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\"}}] | SERVER",
            "[API Error: {\"error\":{\"message\":\"no code\",\"status\":\"UNAVAILABLE\"}}] | SERVER",
            "[API Error: {\"error\":{\"code\":404,\"message\":\"models/x is not found\"}}] | OTHER",
            "[API Error: {\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\"}}] | OTHER",
            "Quota exceeded for quota metric 'Generate Content API requests per minute' | RATE_LIMIT",
            "API key not valid. Please pass a valid API key. | AUTHENTICATION",
            "[API Error: exception TypeError: fetch failed sending request] | NETWORK",
            "connect ECONNREFUSED 127.0.0.1:9 | NETWORK",
            "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576). | CONTEXT_OVERFLOW",
            "Maximum session turns exceeded | OTHER"})
    void classifiesByTheApiStatusElseByTheWords(String message, Kind kind) {
        assertThat(GeminiFailures.classify(message)).isEqualTo(new AgentError(kind, message));
    }

    @Test
    void anExitCodeIsReadAsTheHttpStatusModulo256OrAFatalCode() {
        StderrTail silent = new StderrTail();
        assertThat(GeminiFailures.byExitCode(145, silent)).isEqualTo(
                new AgentError(Kind.AUTHENTICATION, "gemini exited with code 145 (HTTP 401)"));
        assertThat(GeminiFailures.byExitCode(147, silent).kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(GeminiFailures.byExitCode(173, silent).kind()).isEqualTo(Kind.RATE_LIMIT);
        assertThat(GeminiFailures.byExitCode(244, silent).kind()).isEqualTo(Kind.SERVER);
        assertThat(GeminiFailures.byExitCode(247, silent).kind()).isEqualTo(Kind.SERVER);
        assertThat(GeminiFailures.byExitCode(41, saying("Invalid auth method selected."))).isEqualTo(new AgentError(
                Kind.AUTHENTICATION, "gemini exited with code 41 (authentication failed): Invalid auth method selected."));
        assertThat(GeminiFailures.byExitCode(144, silent).kind()).isEqualTo(Kind.OTHER);
        assertThat(GeminiFailures.byExitCode(1, saying("boom"))).isEqualTo(
                new AgentError(Kind.OTHER, "gemini exited with code 1: boom"));
    }

    private static StderrTail saying(String line) {
        StderrTail tail = new StderrTail();
        tail.add(line);
        return tail;
    }
}
