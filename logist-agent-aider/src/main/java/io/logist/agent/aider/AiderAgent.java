package io.logist.agent.aider;

import io.logist.PluginException;
import io.logist.spi.Agent;
import io.logist.spi.Invocation;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs {@code aider --message-file FILE --yes-always ...}: one message, then aider exits. It never commits
 * (Logist commits each step), never edits {@code .gitignore}, prints plain unstreamed text, and keeps its chat
 * and input history in the step directory instead of the workspace.
 */
final class AiderAgent implements Agent {
    static final String PROGRAM = "aider";
    static final String MESSAGE_FILE = "aider-message.md";

    @Override
    public Invocation prepare(StepRequest request) {
        AiderOptions options = AiderOptions.from(request.options());
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!options.inheritUserConfig()) {
            environment.putAll(IsolatedHome.create(stepDirectory));
        }
        environment.put("NO_COLOR", "1");
        Path message = writeMessage(stepDirectory, request.prompt());

        List<String> command = new ArrayList<>(List.of(options.path().orElse(PROGRAM),
                "--message-file", message.toString(),
                "--yes-always",
                "--no-auto-commits", "--no-dirty-commits", "--no-gitignore",
                "--no-pretty", "--no-stream", "--no-fancy-input",
                "--no-check-update", "--no-show-release-notes", "--no-analytics", "--no-detect-urls",
                "--chat-history-file", stepDirectory.resolve("aider.chat.history.md").toString(),
                "--input-history-file", stepDirectory.resolve("aider.input.history").toString()));
        if (!options.repoMap()) {
            command.addAll(List.of("--map-tokens", "0"));
        }
        options.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        options.baseUrl().ifPresent(url -> command.addAll(List.of("--openai-api-base", url)));
        command.addAll(options.extraArgs());
        return new Invocation(KeyVariable.copy(options.userKeyVariable(), options.cliKeyVariable(), command),
                environment, Set.of(options.userKeyVariable()), Optional.of(""));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        AiderOptions options = AiderOptions.from(request.options());
        return new AiderOutputInterpreter(options.model(), options.prices());
    }

    private static Path writeMessage(Path stepDirectory, String prompt) {
        Path file = stepDirectory.resolve(MESSAGE_FILE);
        try {
            Files.createDirectories(stepDirectory);
            return Files.writeString(file, prompt, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PluginException("agent 'aider' could not write its message " + file + ": " + e.getMessage()
                    + "; check that the Logist home is writable", e);
        }
    }
}
