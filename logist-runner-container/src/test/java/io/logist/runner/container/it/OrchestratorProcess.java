package io.logist.runner.container.it;

import io.logist.JobId;
import io.logist.Logist;
import io.logist.spi.Observer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one job in a JVM of its own, so that a test can kill the orchestrating process in the middle of a
 * step: {@code java -cp <test class path> ...OrchestratorProcess HOME USER_CONFIG JOB_ID}.
 */
public final class OrchestratorProcess {
    private OrchestratorProcess() {
    }

    public static void main(String[] args) {
        try (Logist logist = Logist.builder().home(Path.of(args[0])).userConfig(Path.of(args[1])).build()) {
            logist.run(JobId.of(args[2]), Observer.NOOP);
        }
    }

    /** Starts a JVM running job {@code id} in {@code home}, with this JVM's class path. */
    static Process start(Path home, Path userConfig, JobId id) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                OrchestratorProcess.class.getName(), home.toString(), userConfig.toString(), id.value()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(home.resolve("orchestrator.log").toFile())
                .start();
    }
}
