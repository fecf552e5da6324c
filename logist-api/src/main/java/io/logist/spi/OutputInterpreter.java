package io.logist.spi;

import java.util.List;

/** Reads one step's output as it arrives. One instance per step; called from one thread at a time. */
public interface OutputInterpreter {

    /** What the line reports; an empty list for lines that report nothing. */
    List<AgentSignal> onLine(OutputChannel channel, String line);

    /** Called once, after the process exited and every line was seen. */
    AgentOutcome finish(int exitCode);
}
