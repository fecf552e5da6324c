package io.logist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --json}, which every read command offers for machine output. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON, in the stable shape documented in SPEC section 9.")
    boolean enabled;

    /** Prints {@code asJson} as one JSON document when {@code --json} is given, else {@code asText} as it is. */
    void print(PrintStream out, Supplier<JsonNode> asJson, Supplier<String> asText) {
        out.print(enabled ? JsonViews.write(asJson.get()) + System.lineSeparator() : asText.get());
    }
}
