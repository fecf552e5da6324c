package io.logist.agent.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fresh home directory inside the step directory, for a CLI that must not read or change the user's own
 * configuration, login and history ({@code inheritUserConfig: false}). The XDG variables point into it too, so that
 * nothing falls back to the user's directories.
 *
 * @param home the home directory, {@code home} in the step directory
 */
public record IsolatedHome(Path home) {
    public IsolatedHome {
        Objects.requireNonNull(home, "home");
    }

    /**
     * Creates the home and its XDG directories under {@code stepDirectory}.
     *
     * @throws io.logist.PluginException naming the agent, when they cannot be created
     */
    public static IsolatedHome create(String agentId, Path stepDirectory) {
        IsolatedHome isolated = new IsolatedHome(stepDirectory.toAbsolutePath().resolve("home"));
        isolated.variables().values().forEach(directory -> StepFiles.createDirectory(agentId, Path.of(directory)));
        return isolated;
    }

    /** {@code HOME} and the XDG base directories, for the CLI's environment. */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("HOME", home.toString());
        variables.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        variables.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        variables.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        variables.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        return variables;
    }
}
