package io.logist.runner.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.Runner;
import io.logist.spi.RunnerProvider;
import io.logist.testkit.RunnerContractKit;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner contract against a real engine, each command in a container of the busybox test image. An engine
 * module extends this with its provider.
 */
public abstract class ContainerRunnerContract extends RunnerContractKit {
    /** The Logist home of the runner: its containers carry it as their {@code logist.home} label. */
    @TempDir
    protected Path home;

    private EngineUnderTest engine;
    private Runner runner;

    /** The provider of the runner under test. */
    protected abstract RunnerProvider provider();

    @BeforeEach
    void createRunner() {
        engine = EngineUnderTest.require(provider());
        runner = engine.runner(home);
    }

    @Override
    protected Runner runner() {
        return runner;
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("image", EngineUnderTest.IMAGE);
    }

    /**
     * A pid printed inside a container is not a pid of this machine. The container's init ends everything in
     * it when the command's process ends, and the container is removed, so its being gone means the process is.
     */
    @Override
    protected void assertGone(long pid) {
        assertThat(engine.containers("label=logist.home=" + home))
                .as("containers left of this test's runner, which ran process %d", pid).isEmpty();
    }
}
