package io.logist;

import io.logist.spi.Probe;
import java.util.Objects;
import java.util.Optional;

/**
 * A runner or agent plugin as Logist found it.
 *
 * @param kind      runner or agent
 * @param id        its stable id
 * @param version   the plugin jar's version, when its manifest says
 * @param className the provider class
 * @param probe     whether it can work here
 */
public record PluginInfo(Kind kind, String id, Optional<String> version, String className, Probe probe) {
    /** The kinds of plugins. */
    public enum Kind {
        RUNNER, AGENT
    }

    public PluginInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(probe, "probe");
    }
}
