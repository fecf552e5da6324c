package io.logist.agent.aider;

import io.logist.spi.AgentProvider;
import io.logist.testkit.AgentProviderContractKit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract, with a stand-in for aider that prints what aider's documentation shows ({@code aider-stub.sh}):
 * aider installs only from PyPI, which the build machine cannot reach, so this checks the command line and the
 * interpreter end to end, not aider itself.
 */
class AiderStubContractTest extends AgentProviderContractKit {
    private static final String KEY_VARIABLE = "LOGIST_TEST_OPENAI_KEY";

    @TempDir
    static Path bin;

    @BeforeAll
    static void installTheStub() throws IOException {
        try (InputStream stub = AiderStubContractTest.class.getResourceAsStream("documented/aider-stub.sh")) {
            Files.write(bin.resolve("aider"), stub.readAllBytes());
        }
        Files.setPosixFilePermissions(bin.resolve("aider"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    protected AgentProvider provider() {
        return new AiderAgentProvider();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("path", bin.resolve("aider").toString(), "model", "gpt-4o", "apiKeyEnv", KEY_VARIABLE,
                "inheritUserConfig", false);
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put(KEY_VARIABLE, "sk-test-0123456789abcdef");
        return environment;
    }
}
