package io.logist.core.internal.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.JobId;
import io.logist.RunnerException;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.Probe;
import io.logist.spi.RunnerContext;
import io.logist.spi.RunnerProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRunnerProviderTest {
    @TempDir
    Path directory;

    private final HostRunnerProvider provider = new HostRunnerProvider();

    @Test
    void isFoundByServiceLoaderAsHost() {
        assertThat(ServiceLoader.load(RunnerProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(found -> found.id().equals("host"))
                .singleElement().isInstanceOf(HostRunnerProvider.class);
    }

    @Test
    void probeFindsSetsidAndKillHere() {
        Probe probe = provider.probe();

        assertThat(probe.available()).as(probe.detail()).isTrue();
        assertThat(probe.detail()).contains("setsid at /").contains("kill at /");
    }

    @Test
    void missingToolsAreNamedWithHowToInstallThem() {
        assertThatThrownBy(() -> HostTools.locate(Map.of("PATH", directory.toString())))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("setsid, kill and sh not found on PATH " + directory)
                .hasMessageContaining("install util-linux");
    }

    @Test
    void createBuildsARunnerWithTheToolsOfTheContextEnvironment() throws Exception {
        RunnerContext context = new RunnerContext(directory, Map.of(), Clock.systemUTC());
        List<String> lines = new ArrayList<>();

        Execution execution = provider.create(context).start(new ExecutionRequest(JobId.of("provider-test"), 1,
                List.of("echo", "hello"), Map.of(), directory, directory, Optional.empty(), Map.of()),
                (channel, line) -> lines.add(line));

        assertThat(execution.waitFor(Duration.ofSeconds(10))).contains(0);
        assertThat(lines).containsExactly("hello");
        assertThatThrownBy(() -> provider.create(new RunnerContext(directory, Map.of("PATH", directory.toString()),
                Clock.systemUTC()))).isInstanceOf(RunnerException.class).hasMessageContaining("setsid");
    }
}
