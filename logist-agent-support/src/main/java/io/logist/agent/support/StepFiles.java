package io.logist.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logist.PluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what an agent prepares for its CLI into the step directory (its settings, its prompt, its home), failing
 * with a {@link PluginException} that names the agent and the file, since the likely cause is a Logist home that is
 * not writable.
 */
public final class StepFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StepFiles() {
    }

    /** Creates the directory and its parents, when they are not there yet. */
    public static Path createDirectory(String agentId, Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw failed(agentId, "create " + directory, e);
        }
    }

    /** Writes the text as UTF-8, creating the file's directory first. */
    public static Path writeText(String agentId, Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failed(agentId, "write " + file, e);
        }
    }

    /** Writes the JSON, pretty-printed for people who look into the step directory. */
    public static Path writeJson(String agentId, Path file, JsonNode content) {
        try {
            return writeText(agentId, file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content));
        } catch (IOException e) {
            throw failed(agentId, "write " + file, e);
        }
    }

    private static PluginException failed(String agentId, String what, IOException e) {
        return new PluginException("agent '" + agentId + "' could not " + what + ": " + e.getMessage()
                + "; check that the Logist home is writable", e);
    }
}
