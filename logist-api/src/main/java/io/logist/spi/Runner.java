package io.logist.spi;

import java.util.Map;
import java.util.Optional;

/** Where an agent runs: starts it, streams its output, and stops it. Thread-safe. */
public interface Runner extends AutoCloseable {

    /**
     * Starts the command. Output reaches {@code sink} line by line while the process runs.
     *
     * @throws io.logist.RunnerException when it cannot start; the message says why and what to do
     */
    Execution start(ExecutionRequest request, OutputSink sink);

    /**
     * Finds an execution again from its {@link Execution#handle()} after the orchestrating process died.
     *
     * @return the execution when it still exists; empty when it is gone or the runner cannot re-attach
     */
    default Optional<Execution> reattach(Map<String, String> handle, OutputSink sink) {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
