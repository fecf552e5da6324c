package io.logist.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerEngineTest {
    private final DockerEngine engine = new DockerEngine();

    @Test
    void anUnansweringDaemonIsNamedWithHowToStartIt() {
        assertThat(engine.unreachable(Path.of("/usr/bin/docker"), Map.of(), "Cannot connect."))
                .startsWith("docker is installed (/usr/bin/docker) but the daemon at unix:///var/run/docker.sock"
                        + " does not answer: Cannot connect. ")
                .contains("sudo systemctl start docker", "dockerd", "docker group");
    }

    @Test
    void theDaemonIsTheOneDockerHostNames() {
        assertThat(engine.unreachable(Path.of("/usr/bin/docker"), Map.of("DOCKER_HOST", "tcp://build:2375"), "x."))
                .contains("the daemon at tcp://build:2375 does not answer");
    }

    @Test
    void theLogIsWrittenWhereTheRunnerReadsIt() {
        assertThat(engine.runOptions()).containsExactly("--log-driver", "json-file");
    }
}
