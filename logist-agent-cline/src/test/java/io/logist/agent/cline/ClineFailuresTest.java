package io.logist.agent.cline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.AgentError;
import io.logist.spi.AgentError.Kind;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClineFailuresTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unknown | This model's maximum context length is 128000 tokens | CONTEXT_OVERFLOW",
            "unknown | Rate limit reached for gpt-4o in organization org-x | RATE_LIMIT",
            "unknown | 429 Too Many Requests | RATE_LIMIT",
            "unknown | Incorrect API key provided: sk-... | AUTHENTICATION",
            "unknown | Cannot connect to API: Unable to connect. (FailedToOpenSocket) | NETWORK",
            "unknown | Overloaded | SERVER",
            "unknown | 502 Bad Gateway | SERVER",
            "unknown | The model `gpt-9` does not exist | OTHER"})
    void classifiesByClineErrorClassElseByTheWords(String errorClass, String message, Kind kind) {
        assertThat(ClineFailures.classify(Optional.of(errorClass), message, directory.resolve("cline.log")))
                .isEqualTo(new AgentError(kind, message));
    }

    @Test
    void aKindDecidedByClinesErrorClassIsNamedInTheMessage() {
        assertThat(ClineFailures.classify(Optional.of("auth"), "model server scripted error", directory.resolve("log")))
                .isEqualTo(new AgentError(Kind.AUTHENTICATION,
                        "authentication refused (cline error class auth): model server scripted error"));
        assertThat(ClineFailures.classify(Optional.of("context_window_exceeded"), "Bad request", directory.resolve("log")))
                .isEqualTo(new AgentError(Kind.CONTEXT_OVERFLOW,
                        "context window exceeded (cline error class context_window_exceeded): Bad request"));
    }
}
