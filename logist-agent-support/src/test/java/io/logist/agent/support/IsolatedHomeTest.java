package io.logist.agent.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.logist.PluginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolatedHomeTest {
    @TempDir
    Path stepDirectory;

    @Test
    void isCreatedInTheStepDirectoryWithTheXdgDirectoriesInside() {
        IsolatedHome isolated = IsolatedHome.create("my-agent", stepDirectory);

        Path home = stepDirectory.toAbsolutePath().resolve("home");
        assertThat(isolated.home()).isEqualTo(home);
        assertThat(isolated.variables()).containsExactly(entry("HOME", home.toString()),
                entry("XDG_CONFIG_HOME", home.resolve(".config").toString()),
                entry("XDG_DATA_HOME", home.resolve(".local/share").toString()),
                entry("XDG_CACHE_HOME", home.resolve(".cache").toString()),
                entry("XDG_STATE_HOME", home.resolve(".local/state").toString()));
        assertThat(isolated.variables().values()).allSatisfy(directory -> assertThat(Path.of(directory)).isDirectory());
    }

    @Test
    void aHomeThatCannotBeCreatedNamesTheAgentAndWhatToCheck() throws IOException {
        Files.writeString(stepDirectory.resolve("home"), "a file where the home should be");

        assertThatThrownBy(() -> IsolatedHome.create("my-agent", stepDirectory))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("agent 'my-agent' could not create " + stepDirectory.resolve("home"))
                .hasMessageEndingWith("; check that the Logist home is writable");
    }
}
