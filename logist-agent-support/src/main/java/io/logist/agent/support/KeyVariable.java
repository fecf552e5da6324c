package io.logist.agent.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands a CLI its API key when the user keeps it in a variable of another name ({@code apiKeyEnv}). Logist passes
 * variables by name only, so the value is copied at run time by a POSIX shell that then replaces itself with the
 * CLI: the key never appears in the command line, the environment Logist stores, or a file.
 */
public final class KeyVariable {
    private KeyVariable() {
    }

    /**
     * The command, run so that {@code cliVariable} holds the value of {@code userVariable}; the command itself
     * when they are the same. Both names must be valid variable names (as {@link OptionReader#variableName} reads
     * them), since they are written into the shell script.
     */
    public static List<String> copy(String userVariable, String cliVariable, List<String> command) {
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
