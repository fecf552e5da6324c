package io.logist.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.RoleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleCatalogTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInRolesComeFirstThenTheRepositorysOwnByName() throws Exception {
        try (EngineFixture fixture = new EngineFixture(dir)) {
            Files.writeString(fixture.repo.resolve("logist.yml"), "agent: script\nroles:\n"
                    + "  security-review: {instructions: Look for injections.}\n"
                    + "  docs: {instructions: Check the docs.}\n");
            Path subdirectory = Files.createDirectories(fixture.repo.resolve("src"));

            assertThat(fixture.logist.roles(subdirectory)).extracting(RoleSettings::name)
                    .containsExactly("worker", "supervisor", "docs", "security-review");
            assertThat(fixture.logist.roles(fixture.repo)).contains(
                    new RoleSettings("docs", "script", "Check the docs."));
            assertThatThrownBy(() -> fixture.logist.roles(Files.createDirectories(dir.resolve("plain"))))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("is not a git repository");
        }
    }
}
