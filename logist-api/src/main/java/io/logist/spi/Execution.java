package io.logist.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A running (or finished) agent process, container or pod. */
public interface Execution {

    /**
     * What the runner needs to find this execution again after the orchestrating process died, such as
     * {@code pid} and {@code startTime}, or a container id. Stored with the step.
     */
    Map<String, String> handle();

    /** Whether the process is still running. */
    boolean isAlive();

    /**
     * Waits until the process exits or {@code timeout} passes. When this returns an exit code, every line
     * the process printed has been delivered to the {@link OutputSink}.
     *
     * @return the exit code, or empty when the process is still running
     */
    Optional<Integer> waitFor(Duration timeout) throws InterruptedException;

    /**
     * Stops the whole process tree (or container, or pod): a polite signal, up to {@code grace} to exit,
     * then a kill; returns once nothing of it is left running.
     *
     * @throws io.logist.RunnerException when something could not be stopped; the message names it
     */
    void terminate(Duration grace);
}
