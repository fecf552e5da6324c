package io.logist.agent.claude;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.IsolatedHome;
import io.logist.spi.Agent;
import io.logist.spi.Invocation;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs {@code claude -p} with the prompt on standard input, so that a long prompt (a supervisor's diff) never
 * meets the command line's size limit nor shows in the process list, and reads its stream-json output.
 */
final class ClaudeCodeAgent implements Agent {
    static final String PROGRAM = "claude";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Invocation prepare(StepRequest request) {
        ClaudeSettings settings = ClaudeSettings.from(request.options());
        CommonOptions common = settings.common();
        List<String> command = new ArrayList<>(List.of(common.path().orElse(PROGRAM), "-p",
                "--output-format", "stream-json", "--verbose",
                // Logist runs oneshots nobody can answer; the workspace is its own checkout.
                "--dangerously-skip-permissions"));
        common.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        settings.maxTurns().ifPresent(turns -> command.addAll(List.of("--max-turns", Long.toString(turns))));
        request.budget().costUsd().ifPresent(dollars ->
                command.addAll(List.of("--max-budget-usd", dollars.toPlainString())));
        if (!settings.keyVariable().equals(ClaudeSettings.NATIVE_KEY)) {
            // Claude reads its key from ANTHROPIC_API_KEY only; a helper command reads it from the named variable
            // at run time, so the value never appears in the command or a file.
            command.addAll(List.of("--settings", JSON.objectNode()
                    .put("apiKeyHelper", "printenv " + settings.keyVariable()).toString()));
        }
        command.addAll(common.extraArgs());
        return new Invocation(command, environment(settings, request.stepDirectory()),
                Set.of(settings.keyVariable()), Optional.of(request.prompt()));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        return new ClaudeStreamInterpreter(ClaudeSettings.from(request.options()).prices());
    }

    private static Map<String, String> environment(ClaudeSettings settings, Path stepDirectory) {
        Map<String, String> environment = new TreeMap<>();
        // Without it, --dangerously-skip-permissions is refused when the agent runs as root (in a container).
        environment.put("IS_SANDBOX", "1");
        environment.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        environment.put("DISABLE_AUTOUPDATER", "1");
        environment.put("DISABLE_TELEMETRY", "1");
        environment.put("DISABLE_ERROR_REPORTING", "1");
        environment.put("CLAUDE_CODE_MAX_RETRIES", Long.toString(settings.maxRetries()));
        settings.common().baseUrl().ifPresent(url -> environment.put("ANTHROPIC_BASE_URL", url));
        if (!settings.common().inheritUserConfig()) {
            environment.putAll(IsolatedHome.create(ClaudeSettings.ID, stepDirectory).variables());
        }
        return environment;
    }
}
