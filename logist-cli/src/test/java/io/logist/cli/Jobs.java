package io.logist.cli;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.SentinelSettings;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.Usage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-built jobs for the tests of the views, which need no engine. */
final class Jobs {
    static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");
    static final Path HOME = Path.of("/home/u/.logist");

    private Jobs() {
    }

    static JobSettings settings() {
        return new JobSettings("host", JobSettings.Workflow.WORKER_SUPERVISOR,
                Map.of("supervisor", new RoleSettings("supervisor", "claude-code", "review"),
                        "worker", new RoleSettings("worker", "mock", "work")),
                Limits.DEFAULTS, false, "logist/", List.of(), Map.of(), Map.of(), SentinelSettings.DEFAULTS, Map.of(),
                Optional.empty());
    }

    /** A job with no steps yet. */
    static JobInfo job(String id, JobStatus status, Optional<String> reason) {
        return new JobInfo(JobId.of(id), Optional.empty(), status, reason, "Fix the login bug", Path.of("/src/app"),
                "main", "0123456789abcdef0123456789abcdef01234567", "logist/" + id,
                HOME.resolve("jobs").resolve(id).resolve("workspace"), settings(), CREATED, CREATED.plusSeconds(60),
                Usage.NONE, List.of(), 1, Optional.empty(), List.of());
    }

    /** A finished worker step that took 2.5 seconds and cost $0.0100. */
    static StepInfo finishedWorker() {
        Instant start = CREATED.plusSeconds(10);
        return StepInfo.started(1, "worker", "mock", "host", false, start, Path.of("logs/1-worker.log"))
                .withPhase(StepPhase.EXECUTING).withPhase(StepPhase.HARVESTING).withPhase(StepPhase.DONE)
                .withUsage(Usage.of(1200, 300, new BigDecimal("0.0100")))
                .withSessionId("session-1")
                .finished(StepOutcome.COMPLETED, Optional.empty(), Optional.of(0), Optional.of("did it"),
                        start.plusMillis(2500))
                .withCommit("fedcba9876543210fedcba9876543210fedcba98");
    }

    /** A supervisor step still executing, started 20 seconds after creation, with no cost reported. */
    static StepInfo runningSupervisor() {
        return StepInfo.started(2, "supervisor", "claude-code", "host", false, CREATED.plusSeconds(20),
                Path.of("logs/2-supervisor.log")).withPhase(StepPhase.EXECUTING);
    }
}
