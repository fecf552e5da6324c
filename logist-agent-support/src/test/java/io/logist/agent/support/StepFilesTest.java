package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path stepDirectory;

    @Test
    void writesTextAndJsonIntoDirectoriesItCreates() throws IOException {
        Path message = StepFiles.writeText("my-agent", stepDirectory.resolve("a/message.md"), "Fix the bug\n");
        Path settings = StepFiles.writeJson("my-agent", stepDirectory.resolve("b/settings.json"),
                JSON.createObjectNode().put("telemetry", false));

        assertThat(message).hasContent("Fix the bug\n");
        assertThat(JSON.readTree(settings.toFile())).isEqualTo(JSON.readTree("{\"telemetry\": false}"));
        assertThat(StepFiles.createDirectory("my-agent", stepDirectory.resolve("c/tmp"))).isDirectory();
    }

    @Test
    void aFileThatCannotBeWrittenNamesTheAgentTheFileAndWhatToCheck() throws IOException {
        Path blocked = Files.writeString(stepDirectory.resolve("blocked"), "a file, not a directory");

        assertThatThrownBy(() -> StepFiles.writeText("my-agent", blocked.resolve("message.md"), "text"))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("agent 'my-agent' could not write " + blocked.resolve("message.md"))
                .hasMessageEndingWith("; check that the Logist home is writable");
    }
}
