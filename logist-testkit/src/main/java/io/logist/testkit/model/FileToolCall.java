package io.logist.testkit.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Turn.WriteFile} into a call of a tool the request offers, chosen by name: a file-writing tool
 * first, then a patch tool, then a shell tool. Each CLI names its tools and their arguments its own way; the
 * lists below are the names the supported CLIs use.
 */
final class FileToolCall {
    /** Claude Code, Gemini CLI and Qwen Code, opencode, old Cline, others. */
    private static final List<String> WRITE_TOOLS = List.of("Write", "write_file", "write", "write_to_file",
            "create_file");
    /** Codex (a freeform tool on the Responses API) and Cline (a function with one {@code input}). */
    private static final List<String> PATCH_TOOLS = List.of("apply_patch");
    /** Claude Code, opencode, Codex (old and new), Gemini CLI, Cline. */
    private static final List<String> SHELL_TOOLS = List.of("Bash", "bash", "exec_command", "shell",
            "shell_command", "run_shell_command", "run_commands", "execute_command");

    private FileToolCall() {
    }

    /** The call that writes the file, or, when no known tool is offered, the file as text. */
    static Reply plan(Turn.WriteFile file, ModelCall call, String callId) {
        return first(call, WRITE_TOOLS).map(tool -> write(tool, file, call, callId))
                .or(() -> first(call, PATCH_TOOLS).map(tool -> patch(tool, file, callId)))
                .or(() -> first(call, SHELL_TOOLS).map(tool -> shell(tool, file, callId)))
                .orElseGet(() -> new Reply.Text(file.path() + "\n```\n" + file.content()
                        + (file.content().endsWith("\n") ? "" : "\n") + "```\n"));
    }

    private static Optional<OfferedTool> first(ModelCall call, List<String> names) {
        return names.stream().map(call::tool).flatMap(Optional::stream).findFirst();
    }

    private static Reply write(OfferedTool tool, Turn.WriteFile file, ModelCall call, String callId) {
        // Most write tools insist on an absolute path; the working directory comes from the CLI's own prompt.
        String path = call.workingDirectory().filter(directory -> !file.path().startsWith("/"))
                .map(directory -> Path.of(directory).resolve(file.path()).toString())
                .orElse(file.path());
        ObjectNode arguments = Json.MAPPER.createObjectNode()
                .put(tool.argument("file_path", "filePath", "absolute_path", "path", "filename"), path)
                .put(tool.argument("content", "contents", "file_text", "text"), file.content());
        return new Reply.ToolUse(callId, tool.name(), arguments);
    }

    private static Reply patch(OfferedTool tool, Turn.WriteFile file, String callId) {
        StringBuilder patch = new StringBuilder("*** Begin Patch\n*** Add File: ").append(file.path()).append('\n');
        file.content().lines().forEach(line -> patch.append('+').append(line).append('\n'));
        patch.append("*** End Patch\n");
        if (tool.freeform()) {
            return new Reply.ToolUse(callId, tool.name(), TextNode.valueOf(patch.toString()));
        }
        return new Reply.ToolUse(callId, tool.name(), Json.MAPPER.createObjectNode()
                .put(tool.argument("input", "patch"), patch.toString()));
    }

    private static Reply shell(OfferedTool tool, Turn.WriteFile file, String callId) {
        Path path = Path.of(file.path());
        String command = (path.getParent() == null ? "" : "mkdir -p " + quoted(path.getParent().toString()) + " && ")
                + "printf '%s' " + quoted(file.content()) + " > " + quoted(file.path());
        String argument = tool.argument("command", "cmd", "commands");
        ObjectNode arguments = Json.MAPPER.createObjectNode();
        if (!tool.isArray(argument)) {
            arguments.put(argument, command);
        } else if (argument.equals("commands")) {
            arguments.putArray(argument).add(command);
        } else {
            arguments.putArray(argument).add("bash").add("-lc").add(command);
        }
        return new Reply.ToolUse(callId, tool.name(), arguments);
    }

    /** The text as one POSIX shell word. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
