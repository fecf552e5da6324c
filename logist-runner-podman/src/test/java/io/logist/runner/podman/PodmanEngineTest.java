package io.logist.runner.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanEngineTest {
    @TempDir
    Path dir;

    private Path executable(String name) throws Exception {
        Path file = Files.createDirectories(dir.resolve("bin")).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void withPodmansOwnInitNoInitPathIsGiven() throws Exception {
        Path catatonit = executable("catatonit");

        PodmanEngine engine = PodmanEngine.detect(List.of(catatonit), Map.of("PATH", "/nowhere"));

        assertThat(engine.hasInit()).isTrue();
        assertThat(engine.runOptions()).containsExactly("--log-driver", "k8s-file", "--unsetenv", "TERM");
    }

    @Test
    void withoutItAStaticInitOnThePathStandsIn() throws Exception {
        Path tini = executable("tini-static");

        PodmanEngine engine = PodmanEngine.detect(List.of(dir.resolve("missing/catatonit")),
                Map.of("PATH", tini.getParent().toString()));

        assertThat(engine.hasInit()).isTrue();
        assertThat(engine.runOptions()).containsSubsequence("--init-path", tini.toString());
    }

    @Test
    void withNoInitAtAllTheMessageSaysToInstallCatatonit() {
        PodmanEngine engine = PodmanEngine.detect(List.of(dir.resolve("missing/catatonit")),
                Map.of("PATH", dir.toString()));

        assertThat(engine.hasInit()).isFalse();
        assertThat(engine.runOptions()).doesNotContain("--init-path");
        assertThat(engine.missingInit()).contains(dir.resolve("missing/catatonit").toString())
                .contains("tini-static").contains("apt-get install catatonit");
    }

    @Test
    void aBrokenSetupIsReportedWithWhereToLook() {
        assertThat(PodmanEngine.detect(List.of(), Map.of()).unreachable(Path.of("/usr/bin/podman"), Map.of(),
                "storage is corrupt."))
                .startsWith("podman is installed (/usr/bin/podman) but 'podman info' fails: storage is corrupt. ")
                .contains("containers.conf");
    }
}
