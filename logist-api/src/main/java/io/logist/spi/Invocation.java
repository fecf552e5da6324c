package io.logist.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The process an agent wants to run for one step.
 *
 * @param command     the command line; the first element is the program
 * @param environment variables to set, with their values; never secrets
 * @param passThrough names of variables whose values Logist copies from its own environment at run time,
 *                    such as {@code ANTHROPIC_API_KEY}; the values are never stored or logged
 * @param stdin       written to standard input, which is then closed; absent leaves standard input open
 *                    and unwritten, like a terminal nobody answers
 */
public record Invocation(List<String> command, Map<String, String> environment, Set<String> passThrough,
                         Optional<String> stdin) {
    public Invocation {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        environment = Map.copyOf(environment);
        passThrough = Set.copyOf(passThrough);
        Objects.requireNonNull(stdin, "stdin");
    }
}
