package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommonOptionsTest {

    @Test
    void theOptionsEveryAgentUnderstandsAreReadTogether() {
        OptionReader reader = new OptionReader("my-agent", Map.of("model", "my-model", "path", "/opt/my-cli",
                "baseUrl", "https://proxy.example/v1/", "apiKeyEnv", "TEAM_KEY", "extraArgs", List.of("--debug"),
                "inheritUserConfig", false));

        CommonOptions common = CommonOptions.read(reader);
        reader.rejectProblems();

        assertThat(common).isEqualTo(new CommonOptions(Optional.of("my-model"), Optional.of("/opt/my-cli"),
                Optional.of("https://proxy.example/v1"), Optional.of("TEAM_KEY"), List.of("--debug"), false));
    }

    @Test
    void withoutOptionsTheCliChoosesAndSeesTheUsersOwnConfiguration() {
        CommonOptions common = CommonOptions.read(new OptionReader("my-agent", Map.of()));

        assertThat(common).isEqualTo(new CommonOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), true));
    }

    @Test
    void theirProblemsAreTheReadersToReport() {
        OptionReader reader = new OptionReader("my-agent", Map.of("path", 42, "baseUrl", "ftp://host"));

        CommonOptions.read(reader);

        assertThatThrownBy(reader::rejectProblems).hasMessageContainingAll("agents.my-agent.path was '42'",
                "agents.my-agent.baseUrl was 'ftp://host'");
    }
}
