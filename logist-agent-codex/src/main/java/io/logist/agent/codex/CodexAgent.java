package io.logist.agent.codex;

import com.fasterxml.jackson.databind.node.TextNode;
import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.IsolatedHome;
import io.logist.agent.support.StepFiles;
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
 * Runs {@code codex exec --json -} with the prompt on standard input, so that a long prompt (a supervisor's
 * diff) never meets the command line's size limit nor shows in the process list. The endpoint and the key's
 * variable are a model provider of Logist's own, given with {@code -c} overrides, so that the user's
 * {@code config.toml} is never written and the whole setup shows in the command line.
 */
final class CodexAgent implements Agent {
    static final String PROGRAM = "codex";
    private static final String PROVIDER = "model_providers.logist.";

    @Override
    public Invocation prepare(StepRequest request) {
        CodexSettings settings = CodexSettings.from(request.options());
        CommonOptions common = settings.common();
        List<String> command = new ArrayList<>(List.of(common.path().orElse(PROGRAM), "exec", "--json",
                // The workspace is a git checkout, but a runner may mount it where codex cannot tell.
                "--skip-git-repo-check"));
        if (settings.sandbox().equals(CodexSettings.NO_SANDBOX)) {
            command.add("--dangerously-bypass-approvals-and-sandbox");
        } else {
            command.addAll(List.of("--sandbox", settings.sandbox()));
        }
        common.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        config(command, "check_for_update_on_startup", "false");
        config(command, "analytics.enabled", "false");
        if (settings.definesProvider()) {
            config(command, "model_provider", toml("logist"));
            config(command, PROVIDER + "name", toml("Logist"));
            config(command, PROVIDER + "base_url", toml(common.baseUrl().orElse(CodexSettings.DEFAULT_BASE_URL)));
            config(command, PROVIDER + "env_key", toml(settings.keyVariable()));
            config(command, PROVIDER + "wire_api", toml("responses"));
            config(command, PROVIDER + "request_max_retries", Long.toString(settings.maxRetries()));
            config(command, PROVIDER + "stream_max_retries", Long.toString(settings.maxRetries()));
        }
        command.addAll(common.extraArgs());
        // Read the prompt from standard input.
        command.add("-");
        return new Invocation(command, environment(settings, request.stepDirectory()),
                Set.of(settings.keyVariable()), Optional.of(request.prompt()));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        CodexSettings settings = CodexSettings.from(request.options());
        return new CodexJsonInterpreter(settings.common().model(), settings.prices());
    }

    private static void config(List<String> command, String key, String tomlValue) {
        command.addAll(List.of("-c", key + "=" + tomlValue));
    }

    /** A TOML basic string: a JSON string is one, its escapes being a subset of TOML's. */
    private static String toml(String text) {
        return TextNode.valueOf(text).toString();
    }

    private static Map<String, String> environment(CodexSettings settings, Path stepDirectory) {
        Map<String, String> environment = new TreeMap<>();
        if (!settings.common().inheritUserConfig()) {
            IsolatedHome home = IsolatedHome.create(CodexSettings.ID, stepDirectory);
            environment.putAll(home.variables());
            environment.put("CODEX_HOME",
                    StepFiles.createDirectory(CodexSettings.ID, home.home().resolve(".codex")).toString());
        }
        return environment;
    }
}
