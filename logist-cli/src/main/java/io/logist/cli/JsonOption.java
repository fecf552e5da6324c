package io.logist.cli;

import picocli.CommandLine.Option;

/** {@code --json}, which every read command offers for machine output. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON, in the stable shape documented in SPEC section 9.")
    boolean enabled;
}
