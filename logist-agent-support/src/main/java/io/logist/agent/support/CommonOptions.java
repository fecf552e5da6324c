package io.logist.agent.support;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every agent understands (see {@link io.logist.spi.AgentProvider#options()}), read the same way for
 * every agent; {@code env} is not among them, since Logist itself passes those variables through.
 *
 * @param model             the model the CLI uses; the CLI's own default when absent
 * @param path              the CLI's binary; found on {@code PATH} when absent
 * @param baseUrl           the model API's base URL, such as a proxy or a local server, without a trailing slash
 * @param apiKeyEnv         the variable holding the API key, when the user named one
 * @param extraArgs         arguments added to the command line
 * @param inheritUserConfig whether the CLI sees the user's own home, configuration and login
 */
public record CommonOptions(Optional<String> model, Optional<String> path, Optional<String> baseUrl,
                            Optional<String> apiKeyEnv, List<String> extraArgs, boolean inheritUserConfig) {
    public CommonOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
        extraArgs = List.copyOf(extraArgs);
    }

    /** Reads them; a problem is collected by the reader, which the caller then asks to reject its problems. */
    public static CommonOptions read(OptionReader reader) {
        return new CommonOptions(
                reader.text("model"),
                reader.text("path"),
                reader.url("baseUrl"),
                reader.variableName("apiKeyEnv"),
                reader.textList("extraArgs"),
                reader.bool("inheritUserConfig", true));
    }
}
