package io.logist.runner.podman;

import com.google.auto.service.AutoService;
import io.logist.RunnerException;
import io.logist.runner.container.ContainerRunners;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.util.List;
import java.util.Map;

/**
 * The {@code podman} runner: each step in a fresh Podman container of {@code runners.podman.image}. Needs the
 * {@code podman} client on the PATH, a working podman setup, and an init for {@code --init} (catatonit).
 */
@AutoService(RunnerProvider.class)
public final class PodmanRunnerProvider implements RunnerProvider {

    @Override
    public String id() {
        return PodmanEngine.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return ContainerRunners.options();
    }

    @Override
    public Probe probe() {
        Map<String, String> environment = System.getenv();
        PodmanEngine engine = engine(environment);
        Probe probe = ContainerRunners.probe(engine, environment);
        return probe.available() && !engine.hasInit() ? Probe.unavailable(engine.missingInit()) : probe;
    }

    /**
     * Builds the runner for the context's environment.
     *
     * @throws RunnerException when podman is not on the PATH or has no init to run containers with
     */
    @Override
    public Runner create(RunnerContext context) {
        PodmanEngine engine = engine(context.environment());
        if (!engine.hasInit()) {
            throw new RunnerException("podman runner: " + engine.missingInit());
        }
        return ContainerRunners.create(engine, context);
    }

    private static PodmanEngine engine(Map<String, String> environment) {
        return PodmanEngine.detect(PodmanEngine.PODMAN_INITS, environment);
    }
}
