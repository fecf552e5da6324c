package io.logist.core.internal.config;

import io.logist.JobSettings;
import io.logist.core.internal.config.ConfigValue.Mapping;
import io.logist.spi.OptionSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the settings of a job from its configuration layers (SPEC section 7): the built-in defaults, then
 * each {@code logist.yml} file, then dotted overrides such as {@code --set limits.maxSteps=3}. Later layers
 * change only what they name. Everything is validated in one pass and every problem is reported together,
 * with the file and line or the override it came from. Instances are immutable and may be shared.
 */
public final class SettingsResolver {
    /** Parsed on first use: commands that only read jobs never load YAML, which saves start-up time. */
    private static final class Defaults {
        static final Mapping MAPPING = YamlLayers.readDefaults(DefaultSettings.YAML);
    }

    private final PluginSections agents;
    private final PluginSections runners;

    /**
     * @param agentOptions  the installed agents by id, with the options each declares
     * @param runnerOptions the installed runners by id, with the options each declares
     */
    public SettingsResolver(Map<String, List<OptionSpec>> agentOptions, Map<String, List<OptionSpec>> runnerOptions) {
        this.agents = new PluginSections("agent", PluginSections.COMMON_AGENT_OPTIONS, agentOptions);
        this.runners = new PluginSections("runner", PluginSections.COMMON_RUNNER_OPTIONS, runnerOptions);
    }

    /**
     * The settings from the built-in defaults, then each of {@code files} in order (a missing file is skipped),
     * then {@code overrides} in order.
     *
     * @param files          {@code logist.yml} files, lowest precedence first
     * @param overrides      dotted keys such as {@code limits.maxSteps} to values read as YAML ({@code 3},
     *                       {@code true}, {@code [a, b]}, {@code revise-once})
     * @param overrideSource how problems name where overrides came from, such as {@code --set}
     * @throws io.logist.ConfigurationException listing every problem: unreadable or malformed files, unknown
     *                                          keys, bad values, plugins that are not installed
     */
    public JobSettings resolve(List<Path> files, Map<String, String> overrides, String overrideSource) {
        Objects.requireNonNull(overrideSource, "overrideSource");
        Problems problems = new Problems();
        YamlLayers yaml = new YamlLayers(problems);
        Mapping merged = Defaults.MAPPING;
        for (int i = 0; i < files.size(); i++) {
            merged = yaml.readFile(files.get(i), i + 1).map(merged::overriddenBy).orElse(merged);
        }
        int overrideLayer = files.size() + 1;
        int position = 0;
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String key = override.getKey();
            Origin origin = new Origin(overrideLayer, ++position, overrideSource + " " + key, false);
            List<String> path = Arrays.asList(key.split("\\.", -1));
            if (path.stream().anyMatch(String::isBlank)) {
                problems.add(key, Optional.of(override.getValue()),
                        "is not a valid setting key; use dotted keys such as limits.maxSteps", origin);
                continue;
            }
            Optional<ConfigValue> value = yaml.readOverride(key, override.getValue(), origin);
            if (value.isPresent()) {
                merged = merged.overriddenBy(Mapping.ofPath(path, value.get(), origin));
            }
        }
        return new SettingsSchema(problems, agents, runners).read(merged);
    }

    /**
     * The {@code logist.yml} that {@code logist init} writes: every setting with its built-in default and a
     * comment saying what it does.
     */
    public static String defaultYaml() {
        return DefaultSettings.YAML;
    }
}
