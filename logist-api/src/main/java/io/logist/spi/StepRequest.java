package io.logist.spi;

import io.logist.JobId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One oneshot an agent is asked to prepare.
 *
 * @param jobId         the job
 * @param step          the step number, from 1
 * @param role          the role the agent plays, such as {@code worker}
 * @param prompt        the complete prompt, verdict instructions included
 * @param workspace     the job's working copy, the agent's working directory
 * @param stepDirectory a private directory for this step, for prompt files and agent configuration; never
 *                      the user's own configuration
 * @param options       {@code agents.<id>.*} for this job
 * @param budget        what the job may still spend, for agents with native limits
 */
public record StepRequest(JobId jobId, int step, String role, String prompt, Path workspace, Path stepDirectory,
                          Map<String, Object> options, Budget budget) {
    public StepRequest {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(stepDirectory, "stepDirectory");
        options = Map.copyOf(options);
        Objects.requireNonNull(budget, "budget");
    }

    /**
     * What is left of the job's limits when the step starts.
     *
     * @param costUsd dollars left, when the job has a cost limit
     * @param tokens  tokens left, when the job has a token limit
     * @param time    time the step may take
     */
    public record Budget(Optional<BigDecimal> costUsd, Optional<Long> tokens, Duration time) {
        public Budget {
            Objects.requireNonNull(costUsd, "costUsd");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(time, "time");
        }
    }
}
