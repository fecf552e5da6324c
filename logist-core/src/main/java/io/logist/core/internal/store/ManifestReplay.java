package io.logist.core.internal.store;

import io.logist.JobInfo;
import io.logist.StepInfo;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.MessageGiven;
import io.logist.event.PhaseChanged;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.StepsSuperseded;
import io.logist.event.UsageReported;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rebuilds a job's manifest from its events, for when {@code job.json} is lost or corrupt: {@link JobCreated}
 * holds the first manifest, and every later event that changes the manifest is applied to it in order. What
 * no event records (the agent's session id) stays empty.
 */
final class ManifestReplay {
    /** The rerun that supersedes a run's steps starts the next run; a restep stays in the same one. */
    private static final String RERUN = "rerun";
    /**
     * The state changes by which a person sends the job back to work after its last step (reject, resubmit) or
     * after the step it was taken back to (restep, rerun): the manifest then holds that step in
     * {@code sentBackAfter}, which no event carries.
     */
    private static final Set<String> SENDING_BACK = Set.of("reject", "resubmit", "restep", RERUN);

    private ManifestReplay() {
    }

    /** The manifest the events lead to; empty when they do not start with the job's creation. */
    static Optional<JobInfo> rebuild(List<JobEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof JobCreated created)) {
            return Optional.empty();
        }
        JobInfo job = created.job();
        for (JobEvent event : events.subList(1, events.size())) {
            job = apply(job, event);
        }
        return Optional.of(job);
    }

    private static JobInfo apply(JobInfo job, JobEvent event) {
        if (event instanceof StateChanged changed) {
            JobInfo moved = job.withStatus(changed.to(), changed.reason(), changed.ts());
            return SENDING_BACK.contains(changed.action())
                    ? moved.withSentBackAfter(moved.lastStep().map(StepInfo::n), changed.ts())
                    : moved;
        }
        if (event instanceof MessageGiven given) {
            return job.withMessage(Optional.of(given.message()), given.ts());
        }
        if (event instanceof StepsSuperseded superseded) {
            int newRun = superseded.by().equals(RERUN) ? superseded.run() + 1 : superseded.run();
            return job.withStepsSuperseded(superseded.fromStep(), superseded.by(), newRun, superseded.ts());
        }
        if (event instanceof StepStarted started) {
            return job.withStep(StepInfo.started(started.n(), started.role(), started.agent(), started.runner(),
                    started.reask(), started.ts(), StepLogNames.of(job, started.n(), started.role())),
                    started.ts());
        }
        if (event instanceof PhaseChanged phase) {
            return step(job, event, step -> step.withPhase(phase.phase()));
        }
        if (event instanceof ExecutionStarted execution) {
            return step(job, event, step -> step.withExecution(execution.execution()));
        }
        if (event instanceof ExecutionReattached execution) {
            return step(job, event, step -> step.withExecution(execution.execution()));
        }
        if (event instanceof UsageReported usage) {
            return step(job, event, step -> step.withUsage(usage.stepTotal()));
        }
        if (event instanceof StepFinished finished) {
            return step(job, event, step -> {
                StepInfo done = step.withUsage(finished.usage()).finished(finished.outcome(), finished.reason(),
                        finished.exitCode(), finished.summary(), finished.ts());
                return finished.commit().map(done::withCommit).orElse(done);
            });
        }
        // Signals, warnings, rejected verdicts and interruptions are told, not kept in the manifest.
        return job;
    }

    /** The job with the event's step changed; an event of a step the manifest does not have changes nothing. */
    private static JobInfo step(JobInfo job, JobEvent event, UnaryOperator<StepInfo> change) {
        int n = event.step().orElseThrow();
        if (n < 1 || n > job.steps().size()) {
            return job;
        }
        return job.withStep(change.apply(job.steps().get(n - 1)), event.ts());
    }
}
