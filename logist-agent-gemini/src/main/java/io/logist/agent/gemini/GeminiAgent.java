package io.logist.agent.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logist.PluginException;
import io.logist.spi.Agent;
import io.logist.spi.Invocation;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.nio.file.Files;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Invocation prepare(StepRequest request) {
        GeminiOptions options = GeminiOptions.from(request.options());
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!options.inheritUserConfig()) {
            environment.putAll(IsolatedHome.create(stepDirectory));
            writeSettings(Path.of(environment.get("HOME")).resolve(".gemini").resolve("settings.json"), options);
        }
        // The CLI writes its error reports to the temporary directory: keep them with the step.
        environment.put("TMPDIR", createDirectory(stepDirectory.resolve("tmp")).toString());
        environment.put("NO_COLOR", "1");
        options.baseUrl().ifPresent(url -> environment.put("GOOGLE_GEMINI_BASE_URL", url));

        List<String> command = new ArrayList<>(List.of(options.path().orElse(PROGRAM),
                "--yolo", "--skip-trust", "--output-format", "stream-json"));
        options.model().ifPresent(model -> command.addAll(List.of("--model", model)));
        command.addAll(options.extraArgs());
        return new Invocation(KeyVariable.copy(options.apiKeyEnv(), GeminiOptions.CLI_KEY_VARIABLE, command),
                environment, Set.of(options.apiKeyEnv()), Optional.of(request.prompt()));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        return new GeminiOutputInterpreter(GeminiOptions.from(request.options()).prices());
    }

    /**
     * The settings of an isolated home: an API key login, no update checks, usage statistics or telemetry, and
     * no folder-trust prompt, since a prompt nobody answers would block the step.
     */
    private static void writeSettings(Path file, GeminiOptions options) {
        ObjectNode settings = JSON.createObjectNode();
        settings.putObject("general").put("enableAutoUpdate", false).put("enableAutoUpdateNotification", false)
                .put("maxAttempts", options.maxAttempts());
        settings.putObject("privacy").put("usageStatisticsEnabled", false);
        settings.putObject("telemetry").put("enabled", false);
        ObjectNode security = settings.putObject("security");
        security.putObject("auth").put("selectedType", "gemini-api-key");
        security.putObject("folderTrust").put("enabled", false);
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), settings);
        } catch (IOException e) {
            throw new PluginException("agent 'gemini' could not write its settings " + file + ": " + e.getMessage()
                    + "; check that the Logist home is writable", e);
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new PluginException("agent 'gemini' could not create " + directory + ": " + e.getMessage()
                    + "; check that the Logist home is writable", e);
        }
    }
}
