package io.logist.testkit;

import io.logist.JobId;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A worker's first step in a scratch directory, for unit tests of what an {@link io.logist.spi.Agent} prepares: a
 * workspace, created and empty, and a step directory, not created, since preparing a step creates what it needs.
 *
 * <pre>{@code
 * @TempDir Path root;
 *
 * Invocation invocation = new MyAgent().prepare(new ScratchStep(root).request("Fix the bug", Map.of("model", "m")));
 * }</pre>
 *
 * @param root the scratch directory, such as a JUnit {@code @TempDir}
 */
public record ScratchStep(Path root) {
    /** The time a step may take, when a test does not give a budget. */
    public static final Duration TIME = Duration.ofMinutes(30);
    private static final JobId JOB = JobId.of("scratch-job");

    /** The workspace, {@code workspace} in the scratch directory; created when it is not there yet. */
    public Path workspace() {
        try {
            return Files.createDirectories(root.resolve("workspace"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step directory, {@code steps/1} in the scratch directory. */
    public Path stepDirectory() {
        return root.resolve("steps").resolve("1");
    }

    /** The request for the worker's first step, with no budget of tokens or money and {@link #TIME} to take. */
    public StepRequest request(String prompt, Map<String, Object> options) {
        return request(prompt, options, new StepRequest.Budget(Optional.empty(), Optional.empty(), TIME));
    }

    /** The request for the worker's first step, with this budget. */
    public StepRequest request(String prompt, Map<String, Object> options, StepRequest.Budget budget) {
        return new StepRequest(JOB, 1, "worker", prompt, workspace(), stepDirectory(), options, budget);
    }
}
