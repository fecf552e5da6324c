package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerTest {
    private final Container container = new Container("docker", "c0ffee", "logist-fix-1-2-ab", "fix-1", "2", "/h");

    @Test
    void theHandleNamesTheEngineTheContainerAndItsLabels() {
        assertThat(container.handle()).isEqualTo(Map.of("engine", "docker", "containerId", "c0ffee",
                "containerName", "logist-fix-1-2-ab", "logist.job", "fix-1", "logist.step", "2", "logist.home", "/h"));
    }

    @Test
    void theHandleFindsTheContainerAgain() {
        assertThat(Container.fromHandle(container.handle())).contains(container);
    }

    @Test
    void anotherRunnersHandleNamesNoContainer() {
        assertThat(Container.fromHandle(Map.of("pid", "42", "startTime", "7", "host", "h"))).isEmpty();
    }
}
