package io.logist.agent.gemini;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Runs {@code gemini --yolo --skip-trust -o stream-json} with the prompt on standard input, which the CLI reads
 * whole when it is piped (a command-line argument would cap the prompt's size).
 */
final class GeminiAgent implements Agent {
    static final String PROGRAM = "gemini";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Invocation prepare(StepRequest request) {
        GeminiOptions options = GeminiOptions.from(request.options());
        CommonOptions common = options.common();
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!common.inheritUserConfig()) {
            IsolatedHome home = IsolatedHome.create(GeminiOptions.ID, stepDirectory);
            environment.putAll(home.variables());
            StepFiles.writeJson(GeminiOptions.ID, home.home().resolve(".gemini").resolve("settings.json"),
                    settings(options));
        }
        // The CLI writes its error reports to the temporary directory: keep them with the step.
        environment.put("TMPDIR", StepFiles.createDirectory(GeminiOptions.ID, stepDirectory.resolve("tmp")).toString());
        environment.put("NO_COLOR", "1");
        common.baseUrl().ifPresent(url -> environment.put("GOOGLE_GEMINI_BASE_URL", url));

        List<String> command = new ArrayList<>(List.of(common.path().orElse(PROGRAM),
                "--yolo", "--skip-trust", "--output-format", "stream-json"));
        common.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        command.addAll(common.extraArgs());
        return new Invocation(KeyVariable.copy(options.keyVariable(), GeminiOptions.CLI_KEY_VARIABLE, command),
                environment, Set.of(options.keyVariable()), Optional.of(request.prompt()));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        return new GeminiOutputInterpreter(GeminiOptions.from(request.options()).prices());
    }

    /**
     * The settings of an isolated home: an API key login, no update checks, usage statistics or telemetry, and
     * no folder-trust prompt, since a prompt nobody answers would block the step.
     */
    private static ObjectNode settings(GeminiOptions options) {
        ObjectNode settings = JSON.objectNode();
        settings.putObject("general").put("enableAutoUpdate", false).put("enableAutoUpdateNotification", false)
                .put("maxAttempts", options.maxAttempts());
        settings.putObject("privacy").put("usageStatisticsEnabled", false);
        settings.putObject("telemetry").put("enabled", false);
        ObjectNode security = settings.putObject("security");
        security.putObject("auth").put("selectedType", "gemini-api-key");
        security.putObject("folderTrust").put("enabled", false);
        return settings;
    }
}
