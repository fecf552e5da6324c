package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.JobStatus;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.SentinelSettings;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.Usage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds jobs and step histories for tests of the pure parts of the engine. */
final class TestJobs {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private TestJobs() {
    }

    static JobSettings settings(JobSettings.Workflow workflow, boolean requireApproval, Limits limits) {
        return new JobSettings("host", workflow, Map.of(
                "worker", new RoleSettings("worker", "mock", "You are the worker."),
                "supervisor", new RoleSettings("supervisor", "mock", "You are the supervisor.")),
                limits, requireApproval, "logist/", List.of("PATH"), Map.of(), Map.of(), SentinelSettings.DEFAULTS, Map.of(),
                Optional.empty());
    }

    static JobInfo job(JobSettings settings) {
        return new JobInfo(JobId.of("job-1234"), Optional.empty(), JobStatus.RUNNING, Optional.empty(), "Fix it",
                Path.of("/repo"), "HEAD", "0123abcd", "logist/job-1234", Path.of("/home/jobs/job-1234/workspace"),
                settings, T0, T0, Usage.NONE, List.of(), 1, Optional.empty(), List.of());
    }

    static JobInfo job() {
        return job(settings(JobSettings.Workflow.WORKER_SUPERVISOR, false, Limits.DEFAULTS));
    }

    /** The job with a finished step appended; each step takes one minute. */
    static JobInfo withStep(JobInfo job, String role, StepOutcome outcome, String summaryOrReason, boolean reask,
                            Usage usage) {
        int n = job.steps().size() + 1;
        Instant start = T0.plusSeconds(60L * (n - 1));
        boolean verdict = outcome == StepOutcome.COMPLETED || outcome == StepOutcome.RETRY
                || outcome == StepOutcome.STUCK;
        StepInfo step = StepInfo.started(n, role, "mock", "host", reask, start, Path.of("logs", n + "-" + role + ".log"))
                .withUsage(usage)
                .finished(outcome, verdict ? Optional.empty() : Optional.of(summaryOrReason), Optional.of(0),
                        verdict ? Optional.of(summaryOrReason) : Optional.empty(), start.plusSeconds(60))
                .withCommit("c" + n);
        return job.withStep(step, start.plusSeconds(60));
    }

    static JobInfo withStep(JobInfo job, String role, StepOutcome outcome, String summaryOrReason) {
        return withStep(job, role, outcome, summaryOrReason, false, Usage.NONE);
    }
}
