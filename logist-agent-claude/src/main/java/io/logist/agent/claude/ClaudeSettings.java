package io.logist.agent.claude;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.OptionReader;
import io.logist.agent.support.PriceTable;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The validated {@code agents.claude-code.*} options of one step.
 *
 * @param common     the options every agent understands; {@code baseUrl} is the Anthropic API's host root, such as
 *                   {@code http://127.0.0.1:8080}
 * @param maxTurns   the CLI's own limit on model turns in one step
 * @param maxRetries how often the CLI itself retries a failed request before it gives up
 * @param prices     prices by model, for the cost of each turn while the step runs
 */
record ClaudeSettings(CommonOptions common, OptionalLong maxTurns, long maxRetries, PriceTable prices) {
    static final String ID = "claude-code";
    /** The variable Claude Code reads its key from. */
    static final String NATIVE_KEY = "ANTHROPIC_API_KEY";
    /**
     * Logist retries a step after a server error or a rate limit itself, with its own backoff; the CLI's
     * default of 10 retries spread over three minutes would only delay that, and delays failing a bad key.
     */
    static final long DEFAULT_MAX_RETRIES = 2;

    private static final String MAX_TURNS = "maxTurns";
    private static final String MAX_RETRIES = "maxRetries";
    private static final String PRICES = "prices";

    /** The options Claude Code understands beyond the ones every agent understands. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of(MAX_TURNS, Type.INTEGER, "the most model turns one step may take (claude --max-turns);"
                    + " no limit by default"),
            OptionSpec.of(MAX_RETRIES, Type.INTEGER, "how often claude itself retries a failed API request"
                    + " (CLAUDE_CODE_MAX_RETRIES, default " + DEFAULT_MAX_RETRIES + "); Logist retries the step too"),
            OptionSpec.of(PRICES, Type.STRING_MAP, "dollars per million input/output tokens by model, such as"
                    + " {claude-sonnet-4-5: 3/15}, to see the cost of each turn while a step runs; claude's own"
                    + " total is used at the end"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.claude-code.<option>}
     */
    static ClaudeSettings from(Map<String, Object> options) {
        return OptionReader.read(ID, options, reader -> new ClaudeSettings(CommonOptions.read(reader),
                reader.wholeNumber(MAX_TURNS, 1),
                reader.wholeNumber(MAX_RETRIES, 0).orElse(DEFAULT_MAX_RETRIES),
                reader.prices(PRICES)));
    }

    /** The variable the key is read from in Logist's environment. */
    String keyVariable() {
        return common.apiKeyEnv().orElse(NATIVE_KEY);
    }
}
