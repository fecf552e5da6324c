package io.logist.agent.codex;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.OptionReader;
import io.logist.agent.support.PriceTable;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Map;

/**
 * The validated {@code agents.codex.*} options of one step.
 *
 * @param common     the options every agent understands; {@code baseUrl} is the OpenAI-compatible API, ending in
 *                   {@code /v1}
 * @param maxRetries how often the CLI itself retries a failed request or stream before it gives up
 * @param sandbox    Codex's own sandbox for the commands it runs
 * @param prices     prices by model, for the cost of a step
 */
record CodexSettings(CommonOptions common, long maxRetries, String sandbox, PriceTable prices) {
    static final String ID = "codex";
    static final String DEFAULT_KEY = "OPENAI_API_KEY";
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** Logist retries a step after a server error or a rate limit itself, with its own backoff. */
    static final long DEFAULT_MAX_RETRIES = 2;
    /** No sandbox of Codex's own: the workspace is Logist's checkout, and a runner may isolate it further. */
    static final String NO_SANDBOX = "none";

    private static final String MAX_RETRIES = "maxRetries";
    private static final String SANDBOX = "sandbox";
    private static final String PRICES = "prices";
    private static final List<String> SANDBOXES = List.of(NO_SANDBOX, "workspace-write", "read-only");

    /** The options Codex understands beyond the ones every agent understands. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of(MAX_RETRIES, Type.INTEGER, "how often codex itself retries a failed request or stream"
                    + " (request_max_retries and stream_max_retries, default " + DEFAULT_MAX_RETRIES
                    + "); Logist retries the step too"),
            OptionSpec.oneOf(SANDBOX, "codex's own sandbox for the commands it runs: none (the default),"
                    + " workspace-write or read-only", SANDBOXES),
            OptionSpec.of(PRICES, Type.STRING_MAP, "dollars per million input/output tokens by model, such as"
                    + " {gpt-5.5: 1.25/10}; codex reports tokens only, so without it a step has no cost"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.codex.<option>}
     */
    static CodexSettings from(Map<String, Object> options) {
        return OptionReader.read(ID, options, reader -> new CodexSettings(CommonOptions.read(reader),
                reader.wholeNumber(MAX_RETRIES, 0).orElse(DEFAULT_MAX_RETRIES),
                reader.oneOf(SANDBOX, SANDBOXES, NO_SANDBOX),
                reader.prices(PRICES)));
    }

    /** The variable the key is read from in Logist's environment. */
    String keyVariable() {
        return common.apiKeyEnv().orElse(DEFAULT_KEY);
    }

    /**
     * Whether Logist defines the model provider: always, except when the user's own configuration is inherited
     * and nothing about the endpoint or the key is configured, so that their own login and provider are used.
     */
    boolean definesProvider() {
        return !common.inheritUserConfig() || common.baseUrl().isPresent() || common.apiKeyEnv().isPresent();
    }
}
