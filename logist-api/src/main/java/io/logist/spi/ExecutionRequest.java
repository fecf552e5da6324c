package io.logist.spi;

import io.logist.JobId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a runner is asked to start.
 *
 * @param jobId            the job
 * @param step             the step number
 * @param command          the command line; the first element is the program
 * @param environment      the complete environment of the process: nothing else is passed
 * @param workingDirectory the job's workspace
 * @param stepDirectory    a private directory for this step (prompt, agent config); container runners mount
 *                         it at the same path
 * @param stdin            written to the process's standard input, which is then closed; when absent,
 *                         standard input stays open and unwritten, like a terminal nobody answers
 * @param options          {@code runners.<id>.*} for this job
 */
public record ExecutionRequest(JobId jobId, int step, List<String> command, Map<String, String> environment,
                               Path workingDirectory, Path stepDirectory, Optional<String> stdin,
                               Map<String, Object> options) {
    public ExecutionRequest {
        Objects.requireNonNull(jobId, "jobId");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(stepDirectory, "stepDirectory");
        Objects.requireNonNull(stdin, "stdin");
        options = Map.copyOf(options);
    }
}
