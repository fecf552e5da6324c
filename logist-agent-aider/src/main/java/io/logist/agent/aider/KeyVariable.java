package io.logist.agent.aider;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the CLI its API key when the user keeps it in a variable of another name ({@code apiKeyEnv}). Logist
 * passes variables by name only, so the value is copied at run time by a POSIX shell that then replaces itself
 * with the CLI: the key never appears in the command line, the environment Logist stores, or a file.
 */
final class KeyVariable {
    private KeyVariable() {
    }

    /**
     * The command, run so that {@code cliVariable} holds the value of {@code userVariable}; the command itself
     * when they are the same. Both names are valid variable names, so they are safe in the shell script.
     */
    static List<String> copy(String userVariable, String cliVariable, List<String> command) {
        if (userVariable.equals(cliVariable)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c",
                cliVariable + "=\"${" + userVariable + "-}\"; export " + cliVariable + "; exec \"$@\"",
                command.get(0)));
        wrapped.addAll(command);
        return List.copyOf(wrapped);
    }
}
