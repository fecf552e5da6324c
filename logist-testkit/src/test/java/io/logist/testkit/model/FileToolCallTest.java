package io.logist.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolCallTest {
    private static final OfferedTool BASH = new OfferedTool("Bash", false, Map.of("command", "string"));
    private static final OfferedTool WRITE = new OfferedTool("Write", false,
            Map.of("file_path", "string", "content", "string"));
    private static final OfferedTool PATCH = OfferedTool.freeform("apply_patch");

    @Test
    void aWriteToolIsPreferredOverPatchAndShellTools() {
        Reply reply = FileToolCall.plan(new Turn.WriteFile("f.txt", "x"), call(BASH, PATCH, WRITE), "c1");

        assertThat(reply).isInstanceOfSatisfying(Reply.ToolUse.class, use -> {
            assertThat(use.tool()).isEqualTo("Write");
            assertThat(use.callId()).isEqualTo("c1");
            assertThat(use.input().path("file_path").asText()).isEqualTo("f.txt");
        });
    }

    @Test
    void aPatchToolIsPreferredOverAShellTool() {
        Reply reply = FileToolCall.plan(new Turn.WriteFile("f.txt", "x"), call(BASH, PATCH), "c1");

        assertThat(((Reply.ToolUse) reply).tool()).isEqualTo("apply_patch");
        assertThat(((Reply.ToolUse) reply).input().isTextual()).isTrue();
    }

    @Test
    void aFunctionPatchToolGetsThePatchInItsInputArgument() {
        OfferedTool patch = new OfferedTool("apply_patch", false, Map.of("input", "string"));

        Reply.ToolUse use = (Reply.ToolUse) FileToolCall.plan(new Turn.WriteFile("d/f.txt", "x"), call(patch), "c");

        assertThat(use.input().path("input").asText())
                .isEqualTo("*** Begin Patch\n*** Add File: d/f.txt\n+x\n*** End Patch\n");
    }

    @Test
    void theOldCodexShellToolGetsAnArgumentVector() {
        OfferedTool shell = new OfferedTool("shell", false, Map.of("command", "array"));

        ObjectNode arguments = (ObjectNode) ((Reply.ToolUse) FileToolCall.plan(new Turn.WriteFile("f", "x"),
                call(shell), "c")).input();

        assertThat(arguments.path("command")).hasSize(3);
        assertThat(arguments.path("command").path(0).asText()).isEqualTo("bash");
        assertThat(arguments.path("command").path(1).asText()).isEqualTo("-lc");
    }

    @Test
    void theShellCommandWritesTheExactContentWhateverItsQuotes(@TempDir Path directory) throws Exception {
        String content = "it's \"quoted\" $HOME `x` \\n\nsecond line";
        Reply.ToolUse use = (Reply.ToolUse) FileToolCall.plan(new Turn.WriteFile("sub dir/o'k.txt", content),
                call(BASH), "c");

        Process shell = new ProcessBuilder("sh", "-c", use.input().path("command").asText())
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor()).as("exit code of the command, which printed: %s", output).isZero();
        assertThat(Files.readString(directory.resolve("sub dir").resolve("o'k.txt"))).isEqualTo(content);
    }

    @Test
    void anAbsolutePathIsKeptAndARelativeOneIsResolvedAgainstTheWorkingDirectory() {
        ModelCall call = new ModelCall("m", false, List.of(WRITE), Optional.of("/repo"), 1);

        Reply.ToolUse relative = (Reply.ToolUse) FileToolCall.plan(new Turn.WriteFile("a.txt", "x"), call, "c");
        Reply.ToolUse absolute = (Reply.ToolUse) FileToolCall.plan(new Turn.WriteFile("/tmp/b.txt", "x"), call, "c");

        assertThat(relative.input().path("file_path").asText()).isEqualTo("/repo/a.txt");
        assertThat(absolute.input().path("file_path").asText()).isEqualTo("/tmp/b.txt");
    }

    @Test
    void theWorkingDirectoryIsReadFromTheWaysCliPromptsNameIt() throws Exception {
        assertThat(workingDirectory("{\"system\": \"x\\nWorking directory: /tmp/a/work\\nIs a git repo\"}"))
                .contains("/tmp/a/work");
        assertThat(workingDirectory("{\"input\": [{\"text\": \"<environment_context><cwd>/srv/w</cwd>\"}]}"))
                .contains("/srv/w");
        assertThat(workingDirectory("{\"messages\": [{\"content\": \"no directory here\"}]}")).isEmpty();
    }

    private static Optional<String> workingDirectory(String body) throws Exception {
        return ModelCall.of("m", false, List.of(), ModelClient.json(body)).workingDirectory();
    }

    private static ModelCall call(OfferedTool... tools) {
        return new ModelCall("m", false, List.of(tools), Optional.empty(), 1);
    }
}
