package io.logist.testkit.model;

import io.logist.spi.AgentProvider;
import io.logist.testkit.AgentProviderContractKit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The {@link AgentProviderContractKit}, with the agent's real CLI talking to a {@link ScriptedModelServer}, offline:
 * the model writes {@code hello.txt} with the CLI's own file tool, then answers with a verdict. The CLI is the one
 * {@link AgentClis} finds, its own home is in the step directory ({@code inheritUserConfig: false}), and its API
 * key is a made-up one, in {@value #KEY_VARIABLE}, which {@code apiKeyEnv} names.
 *
 * <p>A subclass (named {@code <Agent>ContractIT}, since it needs the CLI installed) names the provider, its CLI,
 * and the options that point the CLI at the server and choose a model the CLI accepts:
 *
 * <pre>{@code
 * class GeminiContractIT extends AgentCliContractKit {
 *     GeminiContractIT() {
 *         super(new GeminiAgentProvider(), "gemini",
 *                 server -> Map.of("baseUrl", server.baseUrl().toString(), "model", "gemini-2.5-pro"));
 *     }
 * }
 * }</pre>
 */
public abstract class AgentCliContractKit extends AgentProviderContractKit {
    /** The variable the made-up API key is in. */
    public static final String KEY_VARIABLE = "LOGIST_TEST_API_KEY";
    /** Shaped like the real ones, in case a CLI checks their form; the scripted server takes any key. */
    private static final String KEY = "sk-test-0123456789abcdef";

    private final AgentProvider provider;
    private final String binary;
    private final Function<ScriptedModelServer, Map<String, Object>> serverOptions;
    private ScriptedModelServer server;

    /**
     * @param provider      the provider under test
     * @param binary        its CLI's binary among {@link AgentClis}, such as {@code gemini}
     * @param serverOptions the options that point the CLI at the server (its {@code baseUrl}) and choose the model
     */
    protected AgentCliContractKit(AgentProvider provider, String binary,
                                  Function<ScriptedModelServer, Map<String, Object>> serverOptions) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.binary = Objects.requireNonNull(binary, "binary");
        this.serverOptions = Objects.requireNonNull(serverOptions, "serverOptions");
    }

    /** Starts the server with the script of a worker step that writes {@code hello.txt}. */
    @BeforeEach
    public void startServer() {
        server = ScriptedModelServer.start(Script.of(Turn.writeFile("hello.txt", "hello\n"),
                Turn.verdict("COMPLETED", "Created hello.txt", "hello.txt")));
    }

    @AfterEach
    public void stopServer() {
        server.close();
    }

    @Override
    protected final AgentProvider provider() {
        return provider;
    }

    @Override
    protected final Map<String, Object> options() {
        Map<String, Object> options = new HashMap<>(serverOptions.apply(server));
        options.put("path", AgentClis.binary(binary).toString());
        options.put("apiKeyEnv", KEY_VARIABLE);
        options.put("inheritUserConfig", false);
        return options;
    }

    @Override
    protected final Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(KEY_VARIABLE, KEY);
        return environment;
    }
}
