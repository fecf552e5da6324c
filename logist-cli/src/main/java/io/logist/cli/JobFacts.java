package io.logist.cli;

import io.logist.JobInfo;
import io.logist.RoleSettings;
import io.logist.StepInfo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the CLI shows about a job that the manifest does not hold as such, derived in one place. */
final class JobFacts {
    private static final Map<String, Integer> ROLE_ORDER = Map.of("worker", 0, "supervisor", 1);

    private JobFacts() {
    }

    /** The job directory: the workspace is {@code <job dir>/workspace} (SPEC section 8). */
    static Path jobDirectory(JobInfo job) {
        return job.workspace().toAbsolutePath().getParent();
    }

    /** The absolute path of a step's log, which the manifest stores relative to the job directory. */
    static Path stepLog(JobInfo job, StepInfo step) {
        return jobDirectory(job).resolve(step.log()).normalize();
    }

    /** How long the step ran; a step still running counts up to {@code now}. */
    static Duration wallTime(StepInfo step, Instant now) {
        return Duration.between(step.startedAt(), step.endedAt().orElse(now));
    }

    /** How long all steps of the job ran. */
    static Duration wallTime(JobInfo job, Instant now) {
        return job.steps().stream().map(step -> wallTime(step, now)).reduce(Duration.ZERO, Duration::plus);
    }

    /** Seconds with millisecond precision, as the JSON output gives wall time. */
    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3);
    }

    /** The agent of every role: worker first, then supervisor, then other roles by name. */
    static Map<String, String> agentsByRole(JobInfo job) {
        Map<String, String> agents = new LinkedHashMap<>();
        job.settings().roles().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, RoleSettings> role) ->
                                ROLE_ORDER.getOrDefault(role.getKey(), ROLE_ORDER.size()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(role -> agents.put(role.getKey(), role.getValue().agent()));
        return agents;
    }

    /** The last step's log, which is where to look first when a job stopped. */
    static Optional<Path> lastLog(JobInfo job) {
        return job.lastStep().map(step -> stepLog(job, step));
    }
}
