package io.logist.agent.gemini;

import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated {@code agents.gemini.*} options of one step.
 *
 * @param model             {@code -m}; absent lets the CLI choose (its {@code auto} routing)
 * @param path              the {@code gemini} binary; absent finds it on {@code PATH}
 * @param baseUrl           the Gemini API root, as {@code GOOGLE_GEMINI_BASE_URL}
 * @param apiKeyEnv         the variable holding the key, handed to the CLI as {@code GEMINI_API_KEY}
 * @param extraArgs         appended to the command line
 * @param inheritUserConfig whether the CLI sees the user's own home, settings and login
 * @param maxAttempts       attempts per model request before the CLI gives up and Logist's own retry takes over
 * @param prices            prices by model, since the CLI reports tokens but no cost
 */
record GeminiOptions(Optional<String> model, Optional<String> path, Optional<String> baseUrl, String apiKeyEnv,
                     List<String> extraArgs, boolean inheritUserConfig, int maxAttempts, PriceTable prices) {
    static final String ID = "gemini";
    /** The variable the CLI reads its key from. */
    static final String CLI_KEY_VARIABLE = "GEMINI_API_KEY";
    /** Enough for a dropped connection; Logist retries rate limits and server errors with its own backoff. */
    static final int DEFAULT_MAX_ATTEMPTS = 3;

    private static final String MAX_ATTEMPTS = "maxAttempts";
    private static final String PRICES = "prices";

    /** The options beyond those every agent understands. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of(MAX_ATTEMPTS, Type.INTEGER, "attempts per model request before gemini gives up"
                    + " (general.maxAttempts; default " + DEFAULT_MAX_ATTEMPTS + ")"),
            OptionSpec.of(PRICES, Type.STRING_MAP, "USD per million input/output tokens by model, such as"
                    + " {gemini-2.5-pro: '1.25/10'}, since gemini reports tokens but no cost"));

    GeminiOptions {
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.gemini.<option>}
     */
    static GeminiOptions from(Map<String, Object> options) {
        OptionReader reader = new OptionReader(ID, options);
        GeminiOptions read = new GeminiOptions(
                reader.text("model"),
                reader.text("path"),
                reader.text("baseUrl"),
                reader.variableName("apiKeyEnv").orElse(CLI_KEY_VARIABLE),
                reader.textList("extraArgs"),
                reader.bool("inheritUserConfig", true),
                reader.positiveInteger(MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS),
                reader.prices(PRICES));
        reader.rejectProblems();
        return read;
    }
}
