package io.logist.agent.gemini;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.OptionReader;
import io.logist.agent.support.PriceTable;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Map;

/**
 * The validated {@code agents.gemini.*} options of one step.
 *
 * @param common      the options every agent understands; {@code baseUrl} is the Gemini API root, as
 *                    {@code GOOGLE_GEMINI_BASE_URL}, and the key is handed to the CLI as {@code GEMINI_API_KEY}
 * @param maxAttempts attempts per model request before the CLI gives up and Logist's own retry takes over
 * @param prices      prices by model, since the CLI reports tokens but no cost
 */
record GeminiOptions(CommonOptions common, long maxAttempts, PriceTable prices) {
    static final String ID = "gemini";
    /** The variable the CLI reads its key from. */
    static final String CLI_KEY_VARIABLE = "GEMINI_API_KEY";
    /** Enough for a dropped connection; Logist retries rate limits and server errors with its own backoff. */
    static final long DEFAULT_MAX_ATTEMPTS = 3;

    private static final String MAX_ATTEMPTS = "maxAttempts";
    private static final String PRICES = "prices";

    /** The options beyond those every agent understands. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of(MAX_ATTEMPTS, Type.INTEGER, "attempts per model request before gemini gives up"
                    + " (general.maxAttempts; default " + DEFAULT_MAX_ATTEMPTS + ")"),
            OptionSpec.of(PRICES, Type.STRING_MAP, "USD per million input/output tokens by model, such as"
                    + " {gemini-2.5-pro: '1.25/10'}, since gemini reports tokens but no cost"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.gemini.<option>}
     */
    static GeminiOptions from(Map<String, Object> options) {
        return OptionReader.read(ID, options, reader -> new GeminiOptions(CommonOptions.read(reader),
                reader.wholeNumber(MAX_ATTEMPTS, 1).orElse(DEFAULT_MAX_ATTEMPTS),
                reader.prices(PRICES)));
    }

    /** The variable the key is read from in Logist's environment: the user's choice, else the CLI's own. */
    String keyVariable() {
        return common.apiKeyEnv().orElse(CLI_KEY_VARIABLE);
    }
}
