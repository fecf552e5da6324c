package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.RunnerException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BindMountTest {

    @Test
    void sourceAndTargetAreWritableByDefault() {
        BindMount mount = BindMount.parse("docker", "/home/me/.m2:/root/.m2");

        assertThat(mount).isEqualTo(new BindMount(Path.of("/home/me/.m2"), Path.of("/root/.m2"), false));
        assertThat(mount.mountOption("docker")).isEqualTo("type=bind,source=/home/me/.m2,target=/root/.m2");
    }

    @Test
    void roMakesTheMountReadOnlyAndRwKeepsItWritable() {
        assertThat(BindMount.parse("docker", "/data:/data:ro").mountOption("docker"))
                .isEqualTo("type=bind,source=/data,target=/data,readonly");
        assertThat(BindMount.parse("docker", "/data:/data:rw").readOnly()).isFalse();
    }

    @Test
    void relativePathsAndOtherShapesAreRefusedWithTheEntry() {
        for (String entry : new String[] {"data:/data", "/data:data", "/data", "/a:/b:rx", "/a:/b:ro:extra"}) {
            assertThatThrownBy(() -> BindMount.parse("podman", entry))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("runners.podman.mounts has '" + entry + "'")
                    .hasMessageContaining("SOURCE:TARGET");
        }
    }

    @Test
    void samePathMountsAnAbsoluteNormalPathOntoItself() {
        BindMount mount = BindMount.samePath(Path.of("/work/./jobs/../jobs/a"));

        assertThat(mount.source()).isEqualTo(Path.of("/work/jobs/a"));
        assertThat(mount.target()).isEqualTo(mount.source());
    }

    @Test
    void aPathWithACommaCannotBeMounted() {
        BindMount mount = BindMount.samePath(Path.of("/work/a,b"));

        assertThatThrownBy(() -> mount.mountOption("docker"))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("/work/a,b")
                .hasMessageContaining("comma");
    }
}
