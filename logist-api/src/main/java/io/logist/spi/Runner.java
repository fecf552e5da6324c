package io.logist.spi;

import io.logist.JobId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Stops and removes what executions of this runner left behind for the Logist home it was built with, when
     * {@code orphaned} gives a reason for their job: a job that no longer exists, or one that runs no step. For
     * {@code logist clean --orphans}; the executions of jobs it gives no reason for stay. A runner whose
     * executions are processes of this machine, found by Logist itself, has nothing to add.
     *
     * @param orphaned why a job's executions must go; empty when they must stay
     * @return one line for each execution removed, naming it, its job and the reason
     * @throws io.logist.RunnerException when the runner cannot list or remove them; the message says how to
     *                                   do it by hand
     */
    default List<String> removeOrphans(Function<JobId, Optional<String>> orphaned) {
        return List.of();
    }

    @Override
    default void close() {
    }
}
