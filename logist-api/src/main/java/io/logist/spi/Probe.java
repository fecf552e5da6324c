package io.logist.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a plugin can work on this machine, asked before it is used.
 *
 * @param available whether it can work
 * @param detail    what was found, or what is missing and how to fix it
 * @param version   the version of the tool it drives, when found
 */
public record Probe(boolean available, String detail, Optional<String> version) {
    public Probe {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(version, "version");
    }

    public static Probe available(String detail, String version) {
        return new Probe(true, detail, Optional.ofNullable(version));
    }

    public static Probe unavailable(String whatIsMissingAndHowToFix) {
        return new Probe(false, whatIsMissingAndHowToFix, Optional.empty());
    }
}
