package io.logist.agent.cline;

import io.logist.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh home directory inside the step directory, for a CLI that must not read or change the user's own
 * configuration, login and history ({@code inheritUserConfig: false}). The XDG variables point into it too,
 * so that nothing falls back to the user's directories.
 */
final class IsolatedHome {
    private IsolatedHome() {
    }

    /** Creates the home and its XDG directories under {@code stepDirectory}; returns the variables naming them. */
    static Map<String, String> create(Path stepDirectory) {
        Path home = stepDirectory.resolve("home");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("HOME", home.toString());
        variables.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        variables.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        variables.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        variables.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        try {
            for (String directory : variables.values()) {
                Files.createDirectories(Path.of(directory));
            }
        } catch (IOException e) {
            throw new PluginException("could not create the agent's home in " + home + ": " + e.getMessage()
                    + "; check that the Logist home is writable", e);
        }
        return variables;
    }
}
