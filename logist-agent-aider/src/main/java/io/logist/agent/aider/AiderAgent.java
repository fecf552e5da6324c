package io.logist.agent.aider;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.IsolatedHome;
import io.logist.agent.support.KeyVariable;
import io.logist.agent.support.StepFiles;
import io.logist.spi.Agent;
import io.logist.spi.Invocation;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
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
        CommonOptions common = options.common();
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!common.inheritUserConfig()) {
            environment.putAll(IsolatedHome.create(AiderOptions.ID, stepDirectory).variables());
        }
        environment.put("NO_COLOR", "1");
        Path message = StepFiles.writeText(AiderOptions.ID, stepDirectory.resolve(MESSAGE_FILE), request.prompt());

        List<String> command = new ArrayList<>(List.of(common.path().orElse(PROGRAM),
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
        common.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        common.baseUrl().ifPresent(url -> command.addAll(List.of("--openai-api-base", url)));
        command.addAll(common.extraArgs());
        return new Invocation(KeyVariable.copy(options.userKeyVariable(), options.cliKeyVariable(), command),
                environment, Set.of(options.userKeyVariable()), Optional.of(""));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        AiderOptions options = AiderOptions.from(request.options());
        return new AiderOutputInterpreter(options.common().model(), options.prices());
    }
}
