package io.logist.agent.support;

import io.logist.spi.AgentSignal;
import io.logist.spi.OutputChannel;
import io.logist.spi.OutputInterpreter;
import java.util.List;
import java.util.Objects;

/**
 * An {@link OutputInterpreter} for a CLI that prints what it does on standard output and why it failed on standard
 * error: the last lines of standard error are kept, for the outcome of a CLI that failed without saying so on
 * standard output, and each line of standard output is the subclass's to read.
 */
public abstract class CliOutputInterpreter implements OutputInterpreter {
    private final StderrTail stderrTail;

    /** @param stderrTail where the lines of standard error go, with the noise it leaves out */
    protected CliOutputInterpreter(StderrTail stderrTail) {
        this.stderrTail = Objects.requireNonNull(stderrTail, "stderrTail");
    }

    @Override
    public final List<AgentSignal> onLine(OutputChannel channel, String line) {
        if (channel == OutputChannel.STDERR) {
            stderrTail.add(line);
            return List.of();
        }
        return onStdout(line);
    }

    /** What a line of standard output says. */
    protected abstract List<AgentSignal> onStdout(String line);

    /** The last lines of standard error so far. */
    protected final StderrTail stderrTail() {
        return stderrTail;
    }
}
