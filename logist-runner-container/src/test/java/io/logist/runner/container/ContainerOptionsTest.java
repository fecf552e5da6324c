package io.logist.runner.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.RunnerException;
import io.logist.spi.OptionSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerOptionsTest {

    @Test
    void withOnlyAnImageTheContainerHasNoNetworkAndIsNeverPulled() {
        ContainerOptions options = ContainerOptions.from("docker", Map.of("image", "busybox"), Map.of());

        assertThat(options).isEqualTo(new ContainerOptions("busybox", "none", Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), "never", Map.of()));
    }

    @Test
    void withoutAnImageTheMessageSaysWhichSettingToSet() {
        for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of(), Map.of("image", " "))) {
            assertThatThrownBy(() -> ContainerOptions.from("podman", options, Map.of()))
                    .isInstanceOf(RunnerException.class)
                    .hasMessageContaining("runners.podman.image");
        }
    }

    @Test
    void everyOptionIsRead() {
        ContainerOptions options = ContainerOptions.from("docker", Map.of("image", "node:20", "network", "bridge",
                "cpus", "1.5", "memory", "2g", "mounts", List.of("/cache:/cache:ro"), "user", "1000:1000",
                "pull", "missing"), Map.of());

        assertThat(options).isEqualTo(new ContainerOptions("node:20", "bridge", Optional.of("1.5"),
                Optional.of("2g"), List.of(new BindMount(Path.of("/cache"), Path.of("/cache"), true)),
                Optional.of("1000:1000"), "missing", Map.of()));
    }

    @Test
    void numbersReadBackFromAManifestAreTakenAsWritten() {
        ContainerOptions options = ContainerOptions.from("docker", Map.of("image", "x", "cpus", 2L), Map.of());

        assertThat(options.cpus()).contains("2");
    }

    @Test
    void envNamesTakeTheirValuesFromLogistsEnvironmentAndSkipMissingOnes() {
        ContainerOptions options = ContainerOptions.from("docker",
                Map.of("image", "x", "env", List.of("TOKEN", "UNSET")), Map.of("TOKEN", "secret", "OTHER", "no"));

        assertThat(options.environment()).isEqualTo(Map.of("TOKEN", "secret"));
    }

    @Test
    void anEnvMapGivesValuesOutright() {
        ContainerOptions options = ContainerOptions.from("docker",
                Map.of("image", "x", "env", Map.of("JAVA_HOME", "/opt/java")), Map.of("JAVA_HOME", "/usr/lib/jvm"));

        assertThat(options.environment()).isEqualTo(Map.of("JAVA_HOME", "/opt/java"));
    }

    @Test
    void theSpecsDeclareEveryOwnOptionAndThePullPolicies() {
        assertThat(ContainerRunners.options()).extracting(OptionSpec::name)
                .containsExactly("network", "cpus", "memory", "mounts", "user", "pull");
        assertThat(ContainerRunners.options()).filteredOn(spec -> spec.name().equals("pull"))
                .flatExtracting(OptionSpec::allowed).containsExactly("never", "missing", "always");
    }
}
