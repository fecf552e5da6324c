package io.logist.runner.docker;

import io.logist.runner.container.ContainerEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Docker, driven through the {@code docker} client and its daemon. */
final class DockerEngine implements ContainerEngine {
    static final String ID = "docker";
    private static final String DEFAULT_DAEMON = "unix:///var/run/docker.sock";

    @Override
    public String id() {
        return ID;
    }

    /** json-file, whatever the daemon's default: the runner reads the log back with {@code docker logs}. */
    @Override
    public List<String> runOptions() {
        return List.of("--log-driver", "json-file");
    }

    @Override
    public List<String> waitOptions() {
        return List.of();
    }

    @Override
    public List<String> versionCommand() {
        return List.of("version", "--format", "{{.Server.Version}}");
    }

    @Override
    public String installAdvice() {
        return "install Docker (on Debian or Ubuntu: 'sudo apt-get install docker.io'; elsewhere see"
                + " https://docs.docker.com/engine/install/), or use the podman runner";
    }

    @Override
    public String unreachable(Path client, Map<String, String> environment, String error) {
        return "docker is installed (" + client + ") but the daemon at "
                + environment.getOrDefault("DOCKER_HOST", DEFAULT_DAEMON) + " does not answer: " + error
                + " Start it with 'sudo systemctl start docker' or 'sudo dockerd', or point DOCKER_HOST at a running"
                + " daemon; when its socket exists but access is denied, add your user to the docker group";
    }
}
