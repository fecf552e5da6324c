package io.logist.agent.aider;

import io.logist.agent.support.CommonOptions;
import io.logist.agent.support.OptionReader;
import io.logist.agent.support.PriceTable;
import io.logist.spi.OptionSpec;
import io.logist.spi.OptionSpec.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated {@code agents.aider.*} options of one step.
 *
 * @param common  the options every agent understands: {@code model} such as {@code sonnet}, {@code gpt-4o} or
 *                {@code openai/my-model}; {@code baseUrl} an OpenAI-compatible API base ({@code --openai-api-base},
 *                ending in {@code /v1}); the key is handed to aider as the model's usual variable; without
 *                {@code inheritUserConfig} aider does not see the user's own home ({@code ~/.aider.conf.yml}, caches)
 * @param repoMap whether aider builds its repository map, caching it in the workspace
 * @param prices  prices by model, for models aider has no prices for
 */
record AiderOptions(CommonOptions common, boolean repoMap, PriceTable prices) {
    static final String ID = "aider";
    /** The variables of litellm's provider prefixes, such as {@code anthropic/} in {@code anthropic/claude-x}. */
    private static final Map<String, String> PREFIX_KEY_VARIABLES = Map.of("anthropic", "ANTHROPIC_API_KEY",
            "gemini", "GEMINI_API_KEY", "deepseek", "DEEPSEEK_API_KEY", "openrouter", "OPENROUTER_API_KEY");
    /** The variables of models named without a prefix, by a word in the name (aider's aliases included). */
    private static final List<Map.Entry<String, String>> NAME_KEY_VARIABLES = List.of(
            Map.entry("claude", "ANTHROPIC_API_KEY"), Map.entry("sonnet", "ANTHROPIC_API_KEY"),
            Map.entry("haiku", "ANTHROPIC_API_KEY"), Map.entry("opus", "ANTHROPIC_API_KEY"),
            Map.entry("gemini", "GEMINI_API_KEY"), Map.entry("deepseek", "DEEPSEEK_API_KEY"));
    private static final String DEFAULT_KEY_VARIABLE = "OPENAI_API_KEY";

    private static final String REPO_MAP = "repoMap";
    private static final String PRICES = "prices";

    /** The options beyond those every agent understands. */
    static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of(REPO_MAP, Type.BOOLEAN, "let aider build its repository map (default false); it caches"
                    + " the map in .aider.tags.cache.* in the workspace, so add .aider* to the repository's"
                    + " .gitignore"),
            OptionSpec.of(PRICES, Type.STRING_MAP, "USD per million input/output tokens by model, such as"
                    + " {openai/my-model: '0.5/1.5'}, for models aider reports no cost for"));

    /**
     * Reads and validates the options; absent ones take their defaults.
     *
     * @throws io.logist.BadInputException naming every invalid {@code agents.aider.<option>}
     */
    static AiderOptions from(Map<String, Object> options) {
        return OptionReader.read(ID, options, reader -> new AiderOptions(CommonOptions.read(reader),
                reader.bool(REPO_MAP, false), reader.prices(PRICES)));
    }

    /** The variable aider reads the model's key from: by the model's provider prefix or name, else OpenAI's. */
    String cliKeyVariable() {
        String name = common.model().orElse("").toLowerCase(Locale.ROOT);
        int slash = name.indexOf('/');
        if (slash > 0) {
            return PREFIX_KEY_VARIABLES.getOrDefault(name.substring(0, slash), DEFAULT_KEY_VARIABLE);
        }
        return NAME_KEY_VARIABLES.stream().filter(word -> name.contains(word.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(DEFAULT_KEY_VARIABLE);
    }

    /** The variable Logist passes the key in: the user's choice, else aider's own. */
    String userKeyVariable() {
        return common.apiKeyEnv().orElseGet(this::cliKeyVariable);
    }
}
