package io.logist.runner.docker;

import com.google.auto.service.AutoService;
import io.logist.runner.container.ContainerRunners;
import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import io.logist.spi.Runner;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.util.List;

/**
 * The {@code docker} runner: each step in a fresh Docker container of {@code runners.docker.image}. Needs the
 * {@code docker} client on the PATH and a daemon that answers.
 */
@AutoService(RunnerProvider.class)
public final class DockerRunnerProvider implements RunnerProvider {
    private final DockerEngine engine = new DockerEngine();

    @Override
    public String id() {
        return DockerEngine.ID;
    }

    @Override
    public List<OptionSpec> options() {
        return ContainerRunners.options();
    }

    @Override
    public Probe probe() {
        return ContainerRunners.probe(engine, System.getenv());
    }

    @Override
    public Runner create(RunnerContext context) {
        return ContainerRunners.create(engine, context);
    }
}
