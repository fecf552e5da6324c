package io.logist.spi;

/** Builds an agent tool's oneshot command and reads its output. */
public interface Agent {

    /**
     * The command, environment and input for one step. May write files into
     * {@link StepRequest#stepDirectory()}; never into the workspace or the user's own configuration.
     *
     * @throws io.logist.BadInputException when the options cannot produce a command; the message says which
     */
    Invocation prepare(StepRequest request);

    /** A fresh interpreter for the output of the step. */
    OutputInterpreter interpreter(StepRequest request);
}
