package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.spi.AgentError.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers that read a CLI's output: its JSON lines, its standard error, its tool calls and its failures. */
class OutputReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aJsonLineIsAnObjectAndAnythingElseIsNot() {
        assertThat(JsonLines.parse("  {\"type\":\"result\"}")).map(event -> event.path("type").asText())
                .contains("result");
        assertThat(JsonLines.parse("plain text")).isEmpty();
        assertThat(JsonLines.parse("{broken")).isEmpty();
        assertThat(JsonLines.parse("[1, 2]")).isEmpty();
    }

    @Test
    void theTailOfStandardErrorKeepsItsLastLinesThatSaySomething() {
        StderrTail tail = new StderrTail(line -> line.startsWith("    at "));
        for (int line = 1; line <= 7; line++) {
            tail.add("error line " + line);
            tail.add("    at frame " + line);
            tail.add(" ");
        }

        assertThat(tail.text()).isEqualTo("error line 3\nerror line 4\nerror line 5\nerror line 6\nerror line 7");
        assertThat(tail.appendedTo("it exited with code 1")).startsWith("it exited with code 1: error line 3\n");
        assertThat(new StderrTail().appendedTo("it exited with code 1")).isEqualTo("it exited with code 1");
    }

    @Test
    void aToolCallIsDescribedByItsMostTellingInput() throws Exception {
        JsonNode input = JSON.readTree("{\"content\": \"hello\", \"file_path\": \"hello.txt\", \"command\": \"ls\"}");
        JsonNode untold = JSON.readTree("{\"topic\": \"" + "x".repeat(300) + "\"}");

        assertThat(ToolCalls.detail(input, List.of("path", "file_path", "command"))).isEqualTo("hello.txt");
        assertThat(ToolCalls.detail(untold, List.of("path")))
                .hasSize(ToolCalls.DETAIL_LENGTH).startsWith("{\"topic\":\"xxx").endsWith("...");
        assertThat(ToolCalls.detail(JSON.missingNode(), List.of("path"))).isEmpty();
        assertThat(ToolCalls.shortened("short")).isEqualTo("short");
    }

    @Test
    void anHttpStatusSaysWhatKindOfFailureItWas() {
        assertThat(FailureKinds.ofHttpStatus(401)).isEqualTo(Kind.AUTHENTICATION);
        assertThat(FailureKinds.ofHttpStatus(403)).isEqualTo(Kind.AUTHENTICATION);
        assertThat(FailureKinds.ofHttpStatus(429)).isEqualTo(Kind.RATE_LIMIT);
        assertThat(FailureKinds.ofHttpStatus(413)).isEqualTo(Kind.CONTEXT_OVERFLOW);
        assertThat(FailureKinds.ofHttpStatus(500)).isEqualTo(Kind.SERVER);
        assertThat(FailureKinds.ofHttpStatus(503)).isEqualTo(Kind.SERVER);
        assertThat(FailureKinds.ofHttpStatus(400)).isEqualTo(Kind.OTHER);
        assertThat(FailureKinds.ofHttpStatus(0)).isEqualTo(Kind.OTHER);
    }
}
