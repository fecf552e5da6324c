package io.logist.testkit;

import io.logist.JobId;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A worker's first step in a scratch directory, for unit tests of what an {@link io.logist.spi.Agent} prepares: a
 * workspace, created and empty, and a step directory, not created, since preparing a step creates what it needs.
 * It is a JUnit extension: each test gets a directory of its own, deleted after the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ScratchStep scratch = new ScratchStep();
 *
 * @Test
 * void runsMyCli() {
 *     Invocation invocation = new MyAgent().prepare(scratch.request(Map.of("model", "my-model")));
 *     ...
 * }
 * }</pre>
 */
public final class ScratchStep implements BeforeEachCallback, AfterEachCallback {
    /** The worker's prompt. */
    public static final String PROMPT = "You are the worker. Create hello.txt.\n";
    /** The time a step may take, when a test does not give a budget. */
    public static final Duration TIME = Duration.ofMinutes(30);
    private static final JobId JOB = JobId.of("scratch-job");

    private Optional<Path> root = Optional.empty();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Optional.of(Files.createTempDirectory("logist-scratch-step-"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        Optional<Path> used = root;
        root = Optional.empty();
        if (used.isPresent()) {
            try (Stream<Path> paths = Files.walk(used.get())) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The workspace, {@code workspace} in the scratch directory; created when it is not there yet. */
    public Path workspace() {
        try {
            return Files.createDirectories(root().resolve("workspace"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step directory, {@code steps/1} in the scratch directory. */
    public Path stepDirectory() {
        return root().resolve("steps").resolve("1");
    }

    /** The request for the worker's first step with {@link #PROMPT}, no budget of tokens or money, and {@link #TIME}. */
    public StepRequest request(Map<String, Object> options) {
        return request(options, new StepRequest.Budget(Optional.empty(), Optional.empty(), TIME));
    }

    /** The request for the worker's first step with {@link #PROMPT} and this budget. */
    public StepRequest request(Map<String, Object> options, StepRequest.Budget budget) {
        return new StepRequest(JOB, 1, "worker", PROMPT, workspace(), stepDirectory(), options, budget);
    }

    private Path root() {
        return root.orElseThrow(() -> new IllegalStateException("ScratchStep is used outside a test: register it"
                + " with @RegisterExtension on a field of the test class"));
    }
}
