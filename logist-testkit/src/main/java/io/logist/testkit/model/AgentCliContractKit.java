package io.logist.testkit.model;

import io.logist.testkit.AgentProviderContractKit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The {@link AgentProviderContractKit}, with the agent's real CLI talking to a {@link ScriptedModelServer}, offline:
 * the model writes {@code hello.txt} with the CLI's own file tool, then answers with a verdict. The CLI is the one
 * {@link AgentClis} finds, its own home is in the step directory ({@code inheritUserConfig: false}), and its API
 * key is a made-up one, in a variable of Logist's test and named by {@code apiKeyEnv}.
 *
 * <p>A subclass (named {@code <Agent>ContractIT}, since it needs the CLI installed) names the provider, and the
 * options that point the CLI at the server and choose a model the CLI accepts:
 *
 * <pre>{@code
 * class GeminiContractIT extends AgentCliContractKit {
 *     GeminiContractIT() {
 *         super("gemini", "LOGIST_TEST_GEMINI_KEY", "gemini-test-0123456789abcdef");
 *     }
 *
 *     protected AgentProvider provider() {
 *         return new GeminiAgentProvider();
 *     }
 *
 *     protected Map<String, Object> serverOptions(ScriptedModelServer server) {
 *         return Map.of("baseUrl", server.baseUrl().toString(), "model", "gemini-2.5-pro");
 *     }
 * }
 * }</pre>
 */
public abstract class AgentCliContractKit extends AgentProviderContractKit {
    private final String binary;
    private final String keyVariable;
    private final String key;
    private ScriptedModelServer server;

    /**
     * @param binary      the CLI's binary among {@link AgentClis}, such as {@code gemini}
     * @param keyVariable the variable the made-up key is in, such as {@code LOGIST_TEST_GEMINI_KEY}
     * @param key         the made-up key, shaped like the real ones in case the CLI checks their form
     */
    protected AgentCliContractKit(String binary, String keyVariable, String key) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.keyVariable = Objects.requireNonNull(keyVariable, "keyVariable");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The options that point the CLI at the server (its {@code baseUrl}) and choose the model. */
    protected abstract Map<String, Object> serverOptions(ScriptedModelServer server);

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
    protected final Map<String, Object> options() {
        Map<String, Object> options = new HashMap<>(serverOptions(server));
        options.put("path", AgentClis.binary(binary).toString());
        options.put("apiKeyEnv", keyVariable);
        options.put("inheritUserConfig", false);
        return options;
    }

    @Override
    protected final Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(keyVariable, key);
        return environment;
    }
}
