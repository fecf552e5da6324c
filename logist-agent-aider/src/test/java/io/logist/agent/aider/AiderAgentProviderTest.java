package io.logist.agent.aider;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiderAgentProviderTest {
    private final AiderAgentProvider provider = new AiderAgentProvider();

    @Test
    void isCalledAiderAndOffersItsOwnOptions() {
        assertThat(provider.id()).isEqualTo("aider");
        assertThat(provider.options()).extracting(OptionSpec::name).containsExactly("repoMap", "prices");
    }

    @Test
    void isUnavailableWithoutAiderAndSaysHowToInstallItFromPyPi(@TempDir Path empty) {
        Probe probe = provider.probe(Map.of(), Map.of("PATH", empty.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("aider was not found on PATH", "pip install aider-install",
                "pipx install aider-chat");
    }
}
