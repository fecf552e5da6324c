package io.logist.agent.cline;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.OptionReader;
import io.logist.agent.support.PriceTable;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated {@code agents.cline.*} options of one step.
 *
 * @param common   the options every agent understands; {@code baseUrl} is the provider's API base URL
 *                 ({@code .../v1} for OpenAI-compatible APIs)
 * @param provider {@code -P}, the cline provider id, when the user named one
 * @param prices   prices by model, for models cline reports no cost for
 */
record ClineOptions(CommonOptions common, Optional<String> provider, PriceTable prices) {
    static final String ID = "cline";
    /** The provider of a cline that has no settings of its own: Anthropic's API, with a key. */
    static final String DEFAULT_PROVIDER = "anthropic";
    /** The variables cline's providers read their keys from, by provider id. */
    static final Map<String, String> KEY_VARIABLES = Map.of(
            "anthropic", "ANTHROPIC_API_KEY",
            "openai-compatible", "OPENAI_API_KEY",
            "openai", "OPENAI_API_KEY",
            "openai-native", "OPENAI_API_KEY",
            "openrouter", "OPENROUTER_API_KEY",
            "gemini", "GEMINI_API_KEY",
            "cline", "CLINE_API_KEY");

    private static final String PROVIDER = "provider";
    private static final String PRICES = "prices";

    /** The options beyond those every agent understands. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of(PROVIDER, Type.STRING, "the cline provider (-P), such as anthropic, openai-compatible or"
                    + " openrouter; default: cline's own choice with the user's configuration, else "
                    + DEFAULT_PROVIDER),
            OptionSpec.of(PRICES, Type.STRING_MAP, "USD per million input/output tokens by model, such as"
                    + " {gpt-4o: '2.5/10'}, for models cline reports no cost for"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.cline.<option>}
     */
    static ClineOptions from(Map<String, Object> options) {
        return OptionReader.read(ID, options, reader -> new ClineOptions(CommonOptions.read(reader),
                reader.text(PROVIDER), reader.prices(PRICES)));
    }

    /**
     * Whether Logist writes cline's provider settings: always in a home of its own, and with the user's
     * configuration only to point the provider at {@code baseUrl}.
     */
    boolean writesProviderSettings() {
        return !common.inheritUserConfig() || common.baseUrl().isPresent();
    }

    /** The provider to name with {@code -P}: the configured one, else the default when Logist writes the settings. */
    Optional<String> effectiveProvider() {
        return provider.or(() -> writesProviderSettings() ? Optional.of(DEFAULT_PROVIDER) : Optional.empty());
    }

    /** The variable the provider reads its key from, when Logist knows it. */
    Optional<String> cliKeyVariable() {
        return effectiveProvider().map(KEY_VARIABLES::get);
    }

    /** The variable Logist passes the key in: the user's choice, else the provider's own. */
    Optional<String> userKeyVariable() {
        return common.apiKeyEnv().or(this::cliKeyVariable);
    }
}
