package io.logist.runner.podman;

import io.logist.runner.container.ContainerEngine;
import io.logist.runner.container.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Podman, driven through the {@code podman} client. Its {@code --init} needs catatonit, which is a separate
 * package on some systems; when it is missing, a static init found on the PATH (tini-static, or Docker's
 * docker-init, the same program) takes its place.
 */
final class PodmanEngine implements ContainerEngine {
    static final String ID = "podman";

    /** Where podman's packages install the catatonit it runs for {@code --init}. */
    static final List<Path> PODMAN_INITS = List.of(Path.of("/usr/libexec/podman/catatonit"),
            Path.of("/usr/lib/podman/catatonit"), Path.of("/usr/local/libexec/podman/catatonit"));
    /**
     * Init programs that can stand in: statically linked, because podman mounts the init into the image, which
     * may have no C library.
     */
    static final List<String> STAND_INS = List.of("catatonit", "tini-static", "docker-init");

    private final List<Path> podmanInits;
    private final Optional<Path> standIn;
    private final boolean hasInit;

    private PodmanEngine(List<Path> podmanInits, Optional<Path> standIn, boolean hasInit) {
        this.podmanInits = List.copyOf(podmanInits);
        this.standIn = standIn;
        this.hasInit = hasInit;
    }

    /**
     * The engine as this machine has it: with podman's own init, a stand-in, or none.
     *
     * @param podmanInits where podman's own init may be, normally {@link #PODMAN_INITS}
     */
    static PodmanEngine detect(List<Path> podmanInits, Map<String, String> environment) {
        if (podmanInits.stream().anyMatch(Files::isExecutable)) {
            return new PodmanEngine(podmanInits, Optional.empty(), true);
        }
        Optional<Path> standIn = STAND_INS.stream().map(name -> Programs.find(name, environment))
                .flatMap(Optional::stream).findFirst();
        return new PodmanEngine(podmanInits, standIn, standIn.isPresent());
    }

    @Override
    public String id() {
        return ID;
    }

    /** Whether {@code --init} can work: podman's catatonit or a stand-in was found. */
    boolean hasInit() {
        return hasInit;
    }

    /** Why containers cannot start here without an init, and how to fix it. */
    String missingInit() {
        return "podman is installed but cannot give containers an init process (podman run --init): none of "
                + podmanInits + " exists and no static init (" + String.join(", ", STAND_INS) + ") is on the PATH;"
                + " install catatonit ('sudo apt-get install catatonit')";
    }

    /**
     * k8s-file, whatever containers.conf says, since the runner reads the log back with {@code podman logs};
     * no {@code TERM}, which podman adds by default, since the step's environment is exactly what it was given.
     */
    @Override
    public List<String> runOptions() {
        List<String> options = new ArrayList<>(List.of("--log-driver", "k8s-file", "--unsetenv", "TERM"));
        standIn.ifPresent(init -> options.addAll(List.of("--init-path", init.toString())));
        return List.copyOf(options);
    }

    /** Podman polls for the exit; its default of 250 ms would add that much to every step. */
    @Override
    public List<String> waitOptions() {
        return List.of("--interval", "50ms");
    }

    /** {@code info} rather than {@code version}: it fails when the storage or the runtime does not work. */
    @Override
    public List<String> versionCommand() {
        return List.of("info", "--format", "{{.Version.Version}}");
    }

    @Override
    public String installAdvice() {
        return "install Podman (on Debian or Ubuntu: 'sudo apt-get install podman'; elsewhere see"
                + " https://podman.io/docs/installation), or use the docker runner";
    }

    @Override
    public String unreachable(Path client, Map<String, String> environment, String error) {
        return "podman is installed (" + client + ") but 'podman info' fails: " + error + " Podman needs no"
                + " daemon, so this is its own setup: run 'podman info' to see the whole error, and check"
                + " /etc/containers/containers.conf and storage.conf (~/.config/containers/ when rootless)";
    }
}
