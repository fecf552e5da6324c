package io.logist.testkit.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the agent CLIs that tests run against a {@link ScriptedModelServer} are installed:
 * {@code $LOGIST_AGENT_CLIS/node_modules/.bin}, else {@code .agent-clis/node_modules/.bin} in the working
 * directory or the nearest directory above it that has one, which is where a Logist checkout's
 * {@code scripts/install-agent-clis.sh} puts them.
 */
public final class AgentClis {
    private static final Path BIN = Path.of("node_modules", ".bin");

    private AgentClis() {
    }

    /** The directory of the CLIs' binaries; it may not exist, and then the agents' probes say what is missing. */
    public static Path binDirectory() {
        Optional<String> configured = Optional.ofNullable(System.getenv("LOGIST_AGENT_CLIS")).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().resolve(BIN);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path bin = directory.resolve(".agent-clis").resolve(BIN);
            if (Files.isDirectory(bin)) {
                return bin;
            }
        }
        return start.resolve(".agent-clis").resolve(BIN);
    }

    /** The binary of one CLI, such as {@code claude}, {@code codex}, {@code gemini} or {@code cline}. */
    public static Path binary(String name) {
        return binDirectory().resolve(name);
    }
}
