package io.logist.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedCommandIsReportedWithTheCommandAndGitsError() {
        Git git = new Git();

        assertThatThrownBy(() -> git.output(tmp, List.of("rev-parse", "--verify", "no-such-ref")))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("`git rev-parse --verify no-such-ref` in '" + tmp + "' failed with exit code 128")
                .hasMessageContaining("fatal: not a git repository");
    }

    @Test
    void theExitCodeAndOutputOfACommandAreReturned() {
        Git.Result result = new Git().run(tmp, List.of("-c", "test.value=forty-two", "config", "test.value"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("forty-two\n");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutIsKilledWithEverythingItStarted() {
        Git git = new Git(Map.of(), Duration.ofMillis(500));
        long started = System.nanoTime();

        assertThatThrownBy(() -> git.run(tmp, List.of("-c", "alias.hang=!sleep 37.25 && true", "hang")))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("did not finish within PT0.5S");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains("sleep 37.25"))
                .filter(ProcessHandle::isAlive))
                .isEmpty();
    }
}
