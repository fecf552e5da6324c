package io.logist.agent.cline;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs {@code cline --json --auto-approve true [-P provider] [-m model] [-t seconds] -- PROMPT} in the workspace.
 * The prompt is the last argument, after {@code --}: cline's JSON mode reads no prompt from a pipe.
 *
 * <p>Cline normally hands its session to a hub daemon that it starts in a session of its own ({@code setsid}),
 * so that it outlives the CLI, the step's process group and any kill of it. {@code CLINE_SESSION_BACKEND_MODE=local}
 * keeps the session inside the CLI's own process instead, so stopping the step stops all of cline.
 */
final class ClineAgent implements Agent {
    static final String PROGRAM = "cline";
    static final String LOG_FILE = "cline.log";
    /** Cline replaces a provider entry without this date with its default provider, silently. */
    private static final String SETTINGS_DATE = "2026-01-01T00:00:00.000Z";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public Invocation prepare(StepRequest request) {
        ClineOptions options = ClineOptions.from(request.options());
        CommonOptions common = options.common();
        Path stepDirectory = request.stepDirectory().toAbsolutePath();
        Map<String, String> environment = new LinkedHashMap<>();
        if (!common.inheritUserConfig()) {
            environment.putAll(IsolatedHome.create(ClineOptions.ID, stepDirectory).variables());
            Path global = stepDirectory.resolve("cline").resolve("global-settings.json");
            StepFiles.writeJson(ClineOptions.ID, global,
                    JSON.objectNode().put("telemetryOptOut", true).put("autoUpdateEnabled", false));
            environment.put("CLINE_GLOBAL_SETTINGS_PATH", global.toString());
        }
        if (options.writesProviderSettings()) {
            Path providers = stepDirectory.resolve("cline").resolve("providers.json");
            StepFiles.writeJson(ClineOptions.ID, providers, providerSettings(options));
            environment.put("CLINE_PROVIDER_SETTINGS_PATH", providers.toString());
        }
        environment.put("CLINE_SESSION_BACKEND_MODE", "local");
        environment.put("CLINE_NO_AUTO_UPDATE", "1");
        // A log of its own: the classification of an error falls back on the HTTP status cline logs there.
        environment.put("CLINE_LOG_PATH", stepDirectory.resolve(LOG_FILE).toString());
        environment.put("NO_COLOR", "1");

        List<String> command = new ArrayList<>(List.of(common.path().orElse(PROGRAM), "--json",
                "--auto-approve", "true"));
        options.effectiveProvider().ifPresent(provider -> command.addAll(List.of("-P", provider)));
        common.model().ifPresent(model -> command.addAll(List.of("-m", model)));
        timeoutSeconds(request.budget().time())
                .ifPresent(seconds -> command.addAll(List.of("--timeout", Long.toString(seconds))));
        command.addAll(common.extraArgs());
        command.add("--");
        command.add(request.prompt());

        List<String> keyed = options.userKeyVariable().flatMap(user -> options.cliKeyVariable()
                .map(cli -> KeyVariable.copy(user, cli, command))).orElse(command);
        return new Invocation(keyed, environment, options.userKeyVariable().map(Set::of).orElse(Set.of()),
                Optional.of(""));
    }

    @Override
    public OutputInterpreter interpreter(StepRequest request) {
        ClineOptions options = ClineOptions.from(request.options());
        return new ClineOutputInterpreter(options.common().model(), options.prices(),
                request.stepDirectory().toAbsolutePath().resolve(LOG_FILE));
    }

    /** Cline's own limit for the whole run: the time the step may still take, so that it ends with a result. */
    private static Optional<Long> timeoutSeconds(Duration time) {
        long seconds = (time.toMillis() + 999) / 1000;
        return seconds > 0 ? Optional.of(seconds) : Optional.empty();
    }

    /** One provider, last used, with the model and base URL; the key comes from the environment. */
    private static ObjectNode providerSettings(ClineOptions options) {
        String provider = options.effectiveProvider().orElseThrow();
        ObjectNode file = JSON.objectNode().put("version", 1).put("lastUsedProvider", provider);
        file.putObject("modes");
        ObjectNode entry = file.putObject("providers").putObject(provider);
        ObjectNode settings = entry.putObject("settings").put("provider", provider);
        options.common().model().ifPresent(model -> settings.put("model", model));
        options.common().baseUrl().ifPresent(url -> settings.put("baseUrl", url));
        entry.put("updatedAt", SETTINGS_DATE).put("tokenSource", "manual");
        return file;
    }
}
