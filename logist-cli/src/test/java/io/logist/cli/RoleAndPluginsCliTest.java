package io.logist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.logist.cli.InProcessCli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logist role} and {@code logist plugins}, in-process against the engine. */
class RoleAndPluginsCliTest {
    @TempDir
    Path dir;

    @TempDir
    Path other;

    private InProcessCli cli;

    @BeforeEach
    void gitRepository() throws Exception {
        cli = InProcessCli.inNewRepository(dir);
        TestRepository.initWithCommit(other);
    }

    @Test
    void roleListShowsTheBuiltInRolesAndThoseOfTheRepositorysLogistYml() throws Exception {
        Files.writeString(cli.repo().resolve("logist.yml"), "roles:\n  reviewer:\n    agent: mock\n"
                + "    instructions: |\n      Check the style.\n      Then the tests.\n");

        Result text = cli.ok("role", "list");
        JsonNode json = cli.ok("role", "list", "--json").json();
        JsonNode elsewhere = cli.ok("role", "list", "--repo", other.toString(), "--json").json();

        assertThat(text.outLines().get(0)).startsWith("ROLE").contains("AGENT").contains("INSTRUCTIONS");
        assertThat(text.out()).contains("worker").contains("supervisor").contains("reviewer")
                .contains("Check the style. ...");
        assertThat(json.findValuesAsText("name")).contains("worker", "supervisor", "reviewer");
        assertThat(elsewhere.findValuesAsText("name")).contains("worker", "supervisor").doesNotContain("reviewer");
    }

    @Test
    void roleInspectShowsOneRoleInFullAndAnUnknownRoleNamesTheKnownOnes() throws Exception {
        Files.writeString(cli.repo().resolve("logist.yml"), "roles:\n  reviewer:\n    agent: mock\n"
                + "    instructions: |\n      Check the style.\n      Then the tests.\n");

        Result text = cli.ok("role", "inspect", "reviewer");
        JsonNode supervisor = cli.ok("role", "inspect", "supervisor", "--json").json();
        Result unknown = cli.run("role", "inspect", "tester");

        assertThat(text.outLines()).containsSubsequence("role:      reviewer", "agent:     mock", "instructions:",
                "Check the style.", "Then the tests.");
        assertThat(supervisor.get("name").asText()).isEqualTo("supervisor");
        assertThat(supervisor.get("instructions").asText()).isNotBlank();
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("logist: there is no role 'tester'")
                .contains("worker").contains("supervisor").contains("reviewer");
    }

    @Test
    void pluginsListTheHostRunnerAndTheMockAgentAsAvailable() {
        Result text = cli.ok("plugins");
        JsonNode json = cli.ok("plugins", "--json").json();

        assertThat(text.outLines().get(0)).startsWith("KIND").contains("AVAILABLE").contains("CLASS");
        assertThat(text.out()).containsPattern("runner\\s+host\\s").containsPattern("agent\\s+mock\\s");
        JsonNode mock = null;
        for (JsonNode plugin : json) {
            if (plugin.get("id").asText().equals("mock")) {
                mock = plugin;
            }
        }
        assertThat(mock).isNotNull();
        assertThat(mock.get("kind").asText()).isEqualTo("agent");
        assertThat(mock.get("available").asBoolean()).isTrue();
        assertThat(mock.get("className").asText()).isEqualTo("io.logist.agent.mock.MockAgentProvider");
        assertThat(mock.get("detail").asText()).isNotBlank();
    }
}
