package io.logist;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a job: one oneshot of one role.
 *
 * @param n          the step number, from 1
 * @param role       the role that acted
 * @param agent      the agent id
 * @param runner     the runner id
 * @param phase      how far the step got
 * @param outcome    how it ended, once it ended
 * @param reason     why it ended that way, in words
 * @param reask      whether this step re-asks the previous one for a valid verdict
 * @param startedAt  when it started
 * @param endedAt    when it ended
 * @param exitCode   the agent's exit code, when it exited by itself
 * @param commit     the checkpoint commit made after the step
 * @param sessionId  the agent's session id, when it reports one
 * @param summary    the verdict's summary
 * @param usage      what the step used
 * @param log        the step log, relative to the job directory
 * @param execution  how the runner can find the execution again ({@link io.logist.spi.ExecutionHandle})
 */
public record StepInfo(int n, String role, String agent, String runner, StepPhase phase,
                       Optional<StepOutcome> outcome, Optional<String> reason, boolean reask,
                       Instant startedAt, Optional<Instant> endedAt, Optional<Integer> exitCode,
                       Optional<String> commit, Optional<String> sessionId, Optional<String> summary,
                       Usage usage, Path log, Map<String, String> execution) {
    public StepInfo {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(log, "log");
        execution = Map.copyOf(execution);
    }

    /** A step that has just started provisioning. */
    public static StepInfo started(int n, String role, String agent, String runner, boolean reask, Instant at,
                                   Path log) {
        return new StepInfo(n, role, agent, runner, StepPhase.PROVISIONING, Optional.empty(), Optional.empty(),
                reask, at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Usage.NONE, log, Map.of());
    }

    public StepInfo withPhase(StepPhase newPhase) {
        return new StepInfo(n, role, agent, runner, newPhase, outcome, reason, reask, startedAt, endedAt,
                exitCode, commit, sessionId, summary, usage, log, execution);
    }

    public StepInfo withUsage(Usage newUsage) {
        return new StepInfo(n, role, agent, runner, phase, outcome, reason, reask, startedAt, endedAt,
                exitCode, commit, sessionId, summary, newUsage, log, execution);
    }

    public StepInfo withSessionId(String newSessionId) {
        return new StepInfo(n, role, agent, runner, phase, outcome, reason, reask, startedAt, endedAt,
                exitCode, commit, Optional.of(newSessionId), summary, usage, log, execution);
    }

    public StepInfo withExecution(Map<String, String> newExecution) {
        return new StepInfo(n, role, agent, runner, phase, outcome, reason, reask, startedAt, endedAt,
                exitCode, commit, sessionId, summary, usage, log, newExecution);
    }

    /** The step with its outcome recorded. */
    public StepInfo finished(StepOutcome newOutcome, Optional<String> newReason, Optional<Integer> newExitCode,
                             Optional<String> newSummary, Instant at) {
        return new StepInfo(n, role, agent, runner, phase, Optional.of(newOutcome), newReason, reask, startedAt,
                Optional.of(at), newExitCode, commit, sessionId, newSummary, usage, log, execution);
    }

    public StepInfo withCommit(String newCommit) {
        return new StepInfo(n, role, agent, runner, phase, outcome, reason, reask, startedAt, endedAt,
                exitCode, Optional.of(newCommit), sessionId, summary, usage, log, execution);
    }
}
