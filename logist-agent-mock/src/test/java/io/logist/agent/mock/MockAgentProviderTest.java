package io.logist.agent.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.logist.spi.OptionSpec;
import io.logist.spi.Probe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockAgentProviderTest {
    private final MockAgentProvider provider = new MockAgentProvider();

    @Test
    void isCalledMock() {
        assertThat(provider.id()).isEqualTo("mock");
    }

    @Test
    void offersEveryScenarioAndEveryTunableValue() {
        assertThat(provider.options()).extracting(OptionSpec::name).containsExactly("scenario", "seconds",
                "inputTokens", "outputTokens", "costUsd", "usageReports", "verdictTo", "file");
        assertThat(option("scenario").allowed()).containsExactly("success", "revise-once", "stuck", "no-verdict",
                "crash", "hang", "slow", "waiting-input");
        assertThat(option("verdictTo").allowed()).containsExactly("message", "file");
        assertThat(option("costUsd").type()).isEqualTo(OptionSpec.Type.DECIMAL);
        assertThat(option("usageReports").type()).isEqualTo(OptionSpec.Type.INTEGER);
    }

    @Test
    void isAvailableWhereShIsOnThePath() {
        Probe probe = provider.probe(Map.of("scenario", "slow"), System.getenv());

        assertThat(probe.available()).isTrue();
        assertThat(probe.detail()).startsWith("sh found at /");
        assertThat(probe.version()).contains("builtin");
    }

    @Test
    void isUnavailableWithoutShAndSaysWhatToInstall(@TempDir Path emptyDirectory) {
        Probe probe = provider.probe(Map.of(), Map.of("PATH", emptyDirectory.toString()));

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail())
                .contains("sh was not found on PATH (" + emptyDirectory + ")", "install a POSIX shell");
        assertThat(probe.version()).isEqualTo(Optional.empty());
    }

    @Test
    void isUnavailableWithInvalidOptionsAndSaysWhichOne() {
        Probe probe = provider.probe(Map.of("scenario", "explode"), System.getenv());

        assertThat(probe.available()).isFalse();
        assertThat(probe.detail()).contains("agents.mock.scenario was 'explode'");
    }

    private OptionSpec option(String name) {
        List<OptionSpec> options = provider.options();
        return options.stream().filter(option -> option.name().equals(name)).findFirst().orElseThrow();
    }
}
