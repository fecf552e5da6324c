package io.logist.runner.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What differs between the container engines the runners drive through their command line clients. Both
 * clients take the same commands ({@code run}, {@code logs}, {@code wait}, {@code stop}, ...); an engine adds
 * its own options and says, in its own terms, how to fix what is missing.
 */
public interface ContainerEngine {

    /** The runner id, which is also the name of the client binary: {@code docker} or {@code podman}. */
    String id();

    /** Options added to every {@code run} and {@code create}, such as the log driver the runner reads. */
    List<String> runOptions();

    /** Options added to {@code wait}. */
    List<String> waitOptions();

    /**
     * The client arguments that print the engine's version and succeed only when the engine can run
     * containers, such as {@code version --format {{.Server.Version}}}.
     */
    List<String> versionCommand();

    /** How to install the engine, for when its client is not on the {@code PATH}. */
    String installAdvice();

    /**
     * Why the engine does not answer and how to make it, for when {@link #versionCommand()} fails.
     *
     * @param client      the client binary that was run
     * @param environment the environment it ran with, which may point it at another daemon
     * @param error       what the client printed, as a sentence ending in a full stop (or its own ? or !)
     */
    String unreachable(Path client, Map<String, String> environment, String error);
}
