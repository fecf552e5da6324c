package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.RoleSettings;
import io.logist.RunnerException;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.Usage;
import io.logist.core.internal.files.FileTrees;
import io.logist.core.internal.sentinel.Failure;
import io.logist.core.internal.sentinel.Sentinel;
import io.logist.core.internal.sentinel.SignalClassifier;
import io.logist.core.internal.sentinel.Stop;
import io.logist.core.internal.store.StepLogNames;
import io.logist.core.internal.verdict.Verdict;
import io.logist.core.internal.verdict.VerdictParser;
import io.logist.core.internal.verdict.VerdictResult;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
import io.logist.event.JobEvent;
import io.logist.event.PhaseChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepStarted;
import io.logist.event.VerdictRejected;
import io.logist.spi.Agent;
import io.logist.spi.AgentError;
import io.logist.spi.AgentOutcome;
import io.logist.spi.Execution;
import io.logist.spi.ExecutionRequest;
import io.logist.spi.Invocation;
import io.logist.spi.JobStore;
import io.logist.spi.OutputInterpreter;
import io.logist.spi.OwnerRequest;
import io.logist.spi.StepLog;
import io.logist.spi.StepRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one step through its phases: waits out a retry's backoff, provisions the workspace and the prompt, starts
 * the agent on the runner, watches it (the {@link Sentinel}, the limits, and requests from other processes),
 * reads the verdict, and commits the checkpoint. Every phase is recorded before the next begins, so a crash
 * leaves a record of how far the step got.
 */
final class StepExecutor {
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long the last lines of a stopped process may take to arrive: a bound, not a policy. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MAX_DIFF_CHARS = 60_000;
    private static final Path VERDICT_FILE = Path.of(VerdictParser.VERDICT_FILE);
    private static final String POSTED_AGENT = "poststep";
    private static final String POSTED_RUNNER = "none";

    private final JobStore store;
    private final GitWorkspaces workspaces;
    private final PluginInstances instances;
    private final Map<String, String> environment;
    private final Clock clock;
    private final RetryPause pause;

    StepExecutor(JobStore store, GitWorkspaces workspaces, PluginInstances instances, Map<String, String> environment,
                 Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.instances = instances;
        this.environment = environment;
        this.clock = clock;
        this.pause = new RetryPause(store, clock, RetryPause.Sleeper.SYSTEM, POLL);
    }

    /**
     * What a step left behind.
     *
     * @param job     the job with the finished step; unchanged when a request came before the step started
     * @param fatal   whether the job cannot go on (bad credentials, agent not runnable)
     * @param request what another process asked for, which stopped the step
     */
    record Report(JobInfo job, boolean fatal, Optional<OwnerRequest> request) {
    }

    Report execute(JobInfo before, JobJournal journal, StepPlan.Decision.Run run) {
        if (!run.backoff().isZero()) {
            Optional<OwnerRequest> asked = awaitBackoff(before, run.backoff());
            if (asked.isPresent()) {
                return new Report(before, false, asked);
            }
        }
        JobSettings settings = before.settings();
        RoleSettings role = role(settings, run.role());
        int n = before.steps().size() + 1;
        String runnerId = settings.runner();
        StepInfo step = StepInfo.started(n, role.name(), role.agent(), runnerId, run.reask(), journal.now(),
                StepLogNames.of(before, n, role.name()));
        JobInfo job = journal.save(before.withStep(step, step.startedAt()));
        journal.emit((seq, ts) -> new StepStarted(seq, ts, n, role.name(), role.agent(), runnerId, run.reask()));

        workspaces.provision(job.repo(), job.workspace(), job.branch(), job.baseCommit());
        Path stepDir = createStepDirectory(job, n);
        deleteVerdictFile(job.workspace());
        String prompt = prompt(before, role, run.reask());
        write(stepDir.resolve("prompt.md"), prompt);
        Map<String, Object> agentOptions = settings.agentOptions(role.agent());
        StepRequest request = new StepRequest(job.id(), n, role.name(), prompt, job.workspace(), stepDir,
                agentOptions, Budget.remaining(job, journal.now()));
        Agent agent = instances.agent(role.agent());
        Invocation invocation = agent.prepare(request);
        OutputInterpreter interpreter = agent.interpreter(request);
        StepEnvironment env = StepEnvironment.of(settings, agentOptions, invocation, environment);
        ExecutionRequest execution = new ExecutionRequest(job.id(), n, invocation.command(), env.values(),
                job.workspace(), stepDir, invocation.stdin(), settings.runnerOptions(runnerId));

        step = phase(journal, step, StepPhase.EXECUTING);
        LiveStep live;
        Watched watched;
        try (StepLog log = store.openLog(job.id(), step.log().toString())) {
            log.append("# logist " + job.id() + " step " + n + " " + role.name() + ": agent " + role.agent()
                    + " on runner " + runnerId);
            live = liveStep(job, n, journal, log, interpreter, env, step.startedAt());
            Execution started;
            try {
                started = instances.runner(runnerId).start(execution, live);
            } catch (RunnerException e) {
                return finish(journal, job, phase(journal, step, StepPhase.HARVESTING), live.usage(),
                        live.sessionId(), new Ending(StepOutcome.AGENT_FAILED, Optional.of(e.getMessage()),
                                Optional.empty(), Optional.empty()), true, Optional.empty());
            }
            step = step.withExecution(started.handle());
            journal.save(job.withStep(step, journal.now()));
            Map<String, String> handle = started.handle();
            JobEvent startEvent = journal.emit((seq, ts) -> new ExecutionStarted(seq, ts, n, invocation.command(),
                    handle));
            live.started(startEvent.ts());
            watched = watch(job, started, live, settings.sentinel().terminateGrace());
        }
        step = phase(journal, step, StepPhase.HARVESTING);
        Ending ending = howItEnded(journal, job, n, role.agent(), live, watched);
        boolean fatal = ending.failure().filter(f -> f.remedy() == Failure.Remedy.FAIL).isPresent();
        return finish(journal, job, step, live.usage(), live.sessionId(), ending, fatal, watched.request());
    }

    /** The settings of role {@code name}, which the job's settings must hold. */
    static RoleSettings role(JobSettings settings, String name) {
        return settings.role(name).orElseThrow(() ->
                new IllegalStateException("role '" + name + "' is not configured"));
    }

    /** The prompt of a step of {@code role} after the steps of {@code job}, as the agent gets it. */
    String prompt(JobInfo job, RoleSettings role, boolean reask) {
        Optional<String> diff = role.name().equals(StepPlan.SUPERVISOR)
                ? Optional.of(workspaces.diff(job.workspace(), reviewBase(job), workspaces.head(job.workspace()),
                        MAX_DIFF_CHARS))
                : Optional.empty();
        return PromptBuilder.build(job, role, reask, diff);
    }

    /**
     * Records a step whose verdict a person wrote ({@code poststep}) as if an agent had given it: the same events
     * and phases and a checkpoint, but no process; agent {@code poststep}, runner {@code none}.
     */
    Report post(JobInfo before, JobJournal journal, StepPlan.Decision.Run run, Verdict verdict, String response) {
        int n = before.steps().size() + 1;
        StepInfo step = StepInfo.started(n, run.role(), POSTED_AGENT, POSTED_RUNNER, run.reask(), journal.now(),
                StepLogNames.of(before, n, run.role()));
        JobInfo job = journal.save(before.withStep(step, step.startedAt()));
        journal.emit((seq, ts) -> new StepStarted(seq, ts, n, run.role(), POSTED_AGENT, POSTED_RUNNER,
                run.reask()));
        workspaces.provision(job.repo(), job.workspace(), job.branch(), job.baseCommit());
        step = phase(journal, step, StepPhase.EXECUTING);
        try (StepLog log = store.openLog(job.id(), step.log().toString())) {
            log.append("# logist " + job.id() + " step " + n + " " + run.role()
                    + ": a hand-written verdict (poststep)");
            response.lines().forEach(log::append);
        }
        step = phase(journal, step, StepPhase.HARVESTING);
        return finish(journal, job, step, Usage.NONE, Optional.empty(), ending(verdict, Optional.empty(),
                Optional.empty()), false, Optional.empty());
    }

    /** The running side of step {@code n}, with a sentinel and limit watch that start now. */
    private LiveStep liveStep(JobInfo job, int n, JobJournal journal, StepLog log, OutputInterpreter interpreter,
                              StepEnvironment env, Instant stepStartedAt) {
        JobSettings settings = job.settings();
        Instant now = journal.now();
        Sentinel sentinel = new Sentinel(settings.limits(), settings.sentinel(),
                SignalClassifier.withDefaults(settings.signals()), stepStartedAt, now);
        return new LiveStep(n, journal, log, interpreter, env, sentinel, new LimitWatch(job, now), clock);
    }

    /** Waits before a retry; an interrupted wait suspends the job, which can be resumed. */
    private Optional<OwnerRequest> awaitBackoff(JobInfo job, Duration backoff) {
        try {
            return pause.await(job.id(), backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(OwnerRequest.SUSPEND);
        }
    }

    /**
     * Crash recovery: follows step {@code running} again after the process that ran it died, when its runner
     * finds the execution still there. The step moves to {@code RECOVERING}, the re-attach is recorded, and the
     * step goes back to {@code EXECUTING} and ends like any other, watched, harvested and committed under the
     * same number. The runner delivers the execution's whole output again so that the interpreter reads all of
     * it; the step log notes where the repeat starts.
     *
     * @return empty when the execution is gone
     */
    Optional<Report> reattach(JobInfo job, JobJournal journal, StepInfo running) {
        JobSettings settings = job.settings();
        RoleSettings role = role(settings, running.role());
        int n = running.n();
        Path stepDir = createStepDirectory(job, n);
        Map<String, Object> agentOptions = settings.agentOptions(running.agent());
        Path promptFile = stepDir.resolve("prompt.md");
        // Following needs the output, not the prompt: a prompt lost with the step directory stops nothing.
        String prompt = Files.exists(promptFile) ? read(promptFile) : "";
        StepRequest request = new StepRequest(job.id(), n, role.name(), prompt, job.workspace(), stepDir,
                agentOptions, Budget.remaining(job, journal.now()));
        Agent agent = instances.agent(running.agent());
        StepEnvironment env = StepEnvironment.of(settings, agentOptions, environmentOnly(agent, request), environment);
        StepInfo step = running;
        LiveStep live;
        Watched watched;
        try (StepLog log = store.openLog(job.id(), running.log().toString())) {
            log.append("# logist: re-attaching to the execution " + running.execution()
                    + " after its process died; its whole output follows again");
            live = liveStep(job, n, journal, log, agent.interpreter(request), env, step.startedAt());
            Optional<Execution> found = instances.runner(running.runner()).reattach(running.execution(), live);
            if (found.isEmpty()) {
                log.append("# logist: the execution is gone");
                return Optional.empty();
            }
            if (step.phase() != StepPhase.RECOVERING) {
                step = phase(journal, step, StepPhase.RECOVERING);
            }
            Map<String, String> handle = found.get().handle();
            JobEvent reattached = journal.emit((seq, ts) -> new ExecutionReattached(seq, ts, n, handle));
            step = phase(journal, step, StepPhase.EXECUTING).withExecution(handle);
            journal.save(job.withStep(step, journal.now()));
            live.started(reattached.ts());
            watched = watch(job, found.get(), live, settings.sentinel().terminateGrace());
        }
        step = phase(journal, step, StepPhase.HARVESTING);
        Ending ending = howItEnded(journal, job, n, running.agent(), live, watched);
        boolean fatal = ending.failure().filter(f -> f.remedy() == Failure.Remedy.FAIL).isPresent();
        return Optional.of(finish(journal, job, step, live.usage(), live.sessionId(), ending, fatal,
                watched.request()));
    }

    /**
     * The invocation an agent would make, for its environment (the secrets to redact) only. The agent may write
     * files into the step directory while preparing, and the re-attached execution may be reading them: it
     * prepares in a scratch directory that is removed again.
     */
    private static Invocation environmentOnly(Agent agent, StepRequest request) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory(request.stepDirectory(), "reattach-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory in " + request.stepDirectory(), e);
        }
        try {
            return agent.prepare(new StepRequest(request.jobId(), request.step(), request.role(), request.prompt(),
                    request.workspace(), scratch, request.options(), request.budget()));
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the scratch directory " + dir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** How the step ended, before the checkpoint; {@code failure} when its output told why it failed. */
    private record Ending(StepOutcome outcome, Optional<String> reason, Optional<Integer> exitCode,
                          Optional<String> summary, Optional<Failure> failure) {
        Ending(StepOutcome outcome, Optional<String> reason, Optional<Integer> exitCode, Optional<String> summary) {
            this(outcome, reason, exitCode, summary, Optional.empty());
        }
    }

    /**
     * How the watch ended: the exit code when the process exited (by itself, or after it was stopped), why it was
     * stopped, and at whose request.
     */
    private record Watched(Optional<Integer> exitCode, Optional<Stop> stop, Optional<OwnerRequest> request) {
    }

    /**
     * Waits for the process, stopping it when the sentinel or a limit says so, or when another process asks the
     * owner to cancel or suspend the job.
     */
    private Watched watch(JobInfo job, Execution execution, LiveStep live, Duration grace) {
        Path verdictFile = job.workspace().resolve(VERDICT_FILE);
        try {
            while (true) {
                Optional<Integer> exit = execution.waitFor(POLL);
                if (exit.isPresent()) {
                    return new Watched(exit, Optional.empty(), Optional.empty());
                }
                Optional<OwnerRequest> request = store.takeRequest(job.id());
                if (request.isPresent()) {
                    Stop stop = request.get() == OwnerRequest.CANCEL ? Stop.as(StepOutcome.CANCELED, "canceled")
                            : Stop.as(StepOutcome.INTERRUPTED, "suspended");
                    return new Watched(stop(execution, grace), Optional.of(stop), request);
                }
                Instant now = clock.instant();
                if (Files.exists(verdictFile)) {
                    live.verdictFile(now);
                }
                Optional<Stop> stop = live.check(now);
                if (stop.isPresent()) {
                    return new Watched(stop(execution, grace), stop, Optional.empty());
                }
            }
        } catch (InterruptedException e) {
            execution.terminate(grace);
            Thread.currentThread().interrupt();
            return new Watched(Optional.empty(), Optional.of(Stop.as(StepOutcome.INTERRUPTED,
                    "the orchestrating thread was interrupted")), Optional.empty());
        }
    }

    /** Stops the whole execution and returns its exit code, once every line it printed was delivered. */
    private static Optional<Integer> stop(Execution execution, Duration grace) throws InterruptedException {
        execution.terminate(grace);
        return execution.waitFor(DRAIN);
    }

    /** The step's ending: a stop decides it, except a stop after the verdict, which the verdict decides. */
    private Ending howItEnded(JobJournal journal, JobInfo job, int n, String agentId, LiveStep live,
                              Watched watched) {
        if (watched.stop().isEmpty()) {
            return harvest(journal, job, n, agentId, live, watched.exitCode().orElse(-1));
        }
        Stop stop = watched.stop().get();
        if (stop.outcome().isPresent()) {
            return new Ending(stop.outcome().get(), Optional.of(stop.reason()), watched.exitCode(), Optional.empty());
        }
        AgentOutcome outcome = live.finish(watched.exitCode().orElse(-1));
        return verdict(journal, job, n, outcome.finalMessage(), watched.exitCode(), Optional.of(stop.reason()));
    }

    /** Reads the agent's outcome and verdict after it exited by itself. */
    private Ending harvest(JobJournal journal, JobInfo job, int n, String agentId, LiveStep live, int exitCode) {
        AgentOutcome outcome = live.finish(exitCode);
        Optional<Integer> code = Optional.of(exitCode);
        if (exitCode != 0 || outcome.error().isPresent()) {
            String detail = outcome.error().map(AgentError::message).filter(m -> !m.isBlank())
                    .orElse(live.stderrTail());
            String what = "agent '" + agentId + "' " + (exitCode != 0 ? "exited with code " + exitCode : "failed")
                    + (detail.isBlank() ? "" : ": " + detail);
            Optional<Failure> failure = live.failure(outcome.error());
            return new Ending(StepOutcome.AGENT_FAILED, Optional.of(failure.map(f -> f.reason(what)).orElse(what)),
                    code, Optional.empty(), failure);
        }
        return verdict(journal, job, n, outcome.finalMessage(), code, Optional.empty());
    }

    /** The outcome the verdict gives; {@code stopReason} says why the process had to be stopped after it. */
    private static Ending verdict(JobJournal journal, JobInfo job, int n, String finalMessage,
                                  Optional<Integer> code, Optional<String> stopReason) {
        VerdictResult result = VerdictParser.parse(finalMessage, job.workspace());
        if (result instanceof VerdictResult.Valid valid) {
            return ending(valid.verdict(), code, stopReason);
        }
        String error = ((VerdictResult.Invalid) result).error();
        journal.emit((seq, ts) -> new VerdictRejected(seq, ts, n, error));
        return new Ending(StepOutcome.INVALID_VERDICT, Optional.of(stopReason.map(r -> r + "; ").orElse("") + error),
                code, Optional.empty());
    }

    private static Ending ending(Verdict verdict, Optional<Integer> exitCode, Optional<String> reason) {
        StepOutcome stepOutcome = switch (verdict.action()) {
            case COMPLETED -> StepOutcome.COMPLETED;
            case RETRY -> StepOutcome.RETRY;
            case STUCK -> StepOutcome.STUCK;
        };
        return new Ending(stepOutcome, reason, exitCode, Optional.of(verdict.summary()));
    }

    /** Commits the checkpoint and records the finished step. */
    private Report finish(JobJournal journal, JobInfo job, StepInfo running, Usage usage, Optional<String> sessionId,
                          Ending ending, boolean fatal, Optional<OwnerRequest> request) {
        deleteVerdictFile(job.workspace());
        String message = "logist " + job.id() + " step " + running.n() + " (" + running.role() + "): "
                + ending.outcome() + ending.summary().or(ending::reason).map(s -> "\n\n" + s).orElse("");
        String commit = workspaces.checkpoint(job.repo(), job.workspace(), job.branch(), message);
        StepInfo step = running.withUsage(usage);
        if (sessionId.isPresent()) {
            step = step.withSessionId(sessionId.get());
        }
        step = step.finished(ending.outcome(), ending.reason(), ending.exitCode(), ending.summary(), journal.now())
                .withCommit(commit);
        step = phase(journal, step, StepPhase.DONE);
        StepInfo done = step;
        JobInfo updated = journal.save(withMessageDelivered(job, done).withStep(done, journal.now()));
        journal.emit((seq, ts) -> new StepFinished(seq, ts, done.n(), ending.outcome(), ending.reason(),
                ending.exitCode(), ending.summary(), Optional.of(commit), done.usage()));
        return new Report(updated, fatal, request);
    }

    /**
     * A person's message is for the next worker step: once one finished, it was delivered. An interrupted step, or
     * one that failed for a passing reason, runs again and must see it again.
     */
    private static JobInfo withMessageDelivered(JobInfo job, StepInfo step) {
        boolean delivered = step.role().equals(StepPlan.WORKER)
                && step.outcome().filter(o -> o != StepOutcome.INTERRUPTED).isPresent() && !StepPlan.isRetried(step);
        return delivered && job.message().isPresent() ? job.withMessage(Optional.empty(), job.updatedAt()) : job;
    }

    static StepInfo phase(JobJournal journal, StepInfo step, StepPhase next) {
        if (!step.phase().canMoveTo(next)) {
            throw new IllegalStateException("step " + step.n() + " cannot move from " + step.phase() + " to " + next);
        }
        journal.emit((seq, ts) -> new PhaseChanged(seq, ts, step.n(), next));
        return step.withPhase(next);
    }

    /** The commit the supervisor's diff starts from: the last review, or the base. */
    private static String reviewBase(JobInfo job) {
        for (int i = job.steps().size() - 1; i >= 0; i--) {
            StepInfo step = job.steps().get(i);
            // An interrupted review reviewed nothing: its checkpoint is the commit it started from.
            if (step.role().equals(StepPlan.SUPERVISOR) && step.commit().isPresent()
                    && step.outcome().orElse(null) != StepOutcome.INTERRUPTED) {
                return step.commit().get();
            }
        }
        return job.baseCommit();
    }

    private Path createStepDirectory(JobInfo job, int n) {
        Path dir = store.directory(job.id()).resolve("steps").resolve(Integer.toString(n));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the step directory " + dir, e);
        }
    }

    /** A verdict file left by an earlier step must not be read as this step's. */
    private static void deleteVerdictFile(Path workspace) {
        try {
            Files.deleteIfExists(workspace.resolve(VERDICT_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + workspace.resolve(VERDICT_FILE), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
