package io.logist.agent.cline;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClineAgentProviderTest {
    private final ClineAgentProvider provider = new ClineAgentProvider();

    @TempDir
    Path bin;

    @Test
    void isCalledClineAndOffersItsOwnOptions() {
        assertThat(provider.id()).isEqualTo("cline");
        assertThat(provider.options()).extracting(OptionSpec::name).containsExactly("provider", "prices");
    }

    @Test
    void isUnavailableWithoutClineAndSaysHowToInstallIt() {
        Probe probe = provider.probe(Map.of(), Map.of("PATH", bin.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("cline was not found on PATH", "npm install -g cline@3.0.65",
                "agents.cline.path");
    }
}
