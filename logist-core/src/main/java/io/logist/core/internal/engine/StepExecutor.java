package io.logist.core.internal.engine;

import io.logist.JobInfo;
import io.logist.JobSettings;
import io.logist.Limits;
import io.logist.RoleSettings;
import io.logist.RunnerException;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.core.internal.config.Durations;
import io.logist.core.internal.verdict.Verdict;
import io.logist.core.internal.verdict.VerdictParser;
import io.logist.core.internal.verdict.VerdictResult;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.event.ExecutionReattached;
import io.logist.event.ExecutionStarted;
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
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one step through its phases: provisions the workspace and the prompt, starts the agent on the runner,
 * watches it (timeouts and limits), reads the verdict, and commits the checkpoint. Every phase is recorded
 * before the next begins, so a crash leaves a record of how far the step got.
 */
final class StepExecutor {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TERMINATE_GRACE = Duration.ofSeconds(5);
    private static final int MAX_DIFF_CHARS = 60_000;
    private static final Path VERDICT_FILE = Path.of(".logist", "verdict.json");

    private final JobStore store;
    private final GitWorkspaces workspaces;
    private final PluginInstances instances;
    private final Map<String, String> environment;
    private final Clock clock;

    StepExecutor(JobStore store, GitWorkspaces workspaces, PluginInstances instances, Map<String, String> environment,
                 Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.instances = instances;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * What a step left behind.
     *
     * @param job     the job with the finished step
     * @param fatal   whether the job cannot go on (bad credentials, agent not runnable)
     * @param request what another process asked for, which stopped the step
     */
    record Report(JobInfo job, boolean fatal, Optional<OwnerRequest> request) {
    }

    Report execute(JobInfo before, JobJournal journal, StepPlan.Decision.Run run) {
        JobSettings settings = before.settings();
        RoleSettings role = settings.role(run.role()).orElseThrow(() ->
                new IllegalStateException("role '" + run.role() + "' is not configured"));
        int n = before.steps().size() + 1;
        String runnerId = settings.runner();
        StepInfo step = StepInfo.started(n, role.name(), role.agent(), runnerId, run.reask(), journal.now(),
                Path.of("logs", n + "-" + role.name() + ".log"));
        JobInfo job = journal.save(before.withStep(step, step.startedAt()));
        journal.emit((seq, ts) -> new StepStarted(seq, ts, n, role.name(), role.agent(), runnerId, run.reask()));

        workspaces.provision(job.repo(), job.workspace(), job.branch(), job.baseCommit());
        Path stepDir = createStepDirectory(job, n);
        deleteVerdictFile(job.workspace());
        Optional<String> diff = role.name().equals(StepPlan.SUPERVISOR)
                ? Optional.of(workspaces.diff(job.workspace(), reviewBase(before), workspaces.head(job.workspace()),
                        MAX_DIFF_CHARS))
                : Optional.empty();
        String prompt = PromptBuilder.build(before, role, run.reask(), diff);
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
            live = new LiveStep(job, n, journal, log, interpreter, env, clock);
            Execution started;
            try {
                started = instances.runner(runnerId).start(execution, live);
            } catch (RunnerException e) {
                return finish(journal, job, phase(journal, step, StepPhase.HARVESTING), live,
                        new Ending(StepOutcome.AGENT_FAILED, Optional.of(e.getMessage()), Optional.empty(),
                                Optional.empty()), true, Optional.empty());
            }
            step = step.withExecution(started.handle());
            journal.save(job.withStep(step, journal.now()));
            Map<String, String> handle = started.handle();
            journal.emit((seq, ts) -> new ExecutionStarted(seq, ts, n, invocation.command(), handle));
            watched = watch(job, started, live, settings.limits(), step.startedAt());
        }
        step = phase(journal, step, StepPhase.HARVESTING);
        Ending ending = watched.stopped().orElseGet(() -> harvest(journal, job, n, role.agent(), live,
                watched.exitCode().orElse(-1)));
        boolean fatal = ending.error().map(e -> e.kind() == AgentError.Kind.AUTHENTICATION).orElse(false);
        return finish(journal, job, step, live, ending, fatal, watched.request());
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
        RoleSettings role = settings.role(running.role()).orElseThrow(() ->
                new IllegalStateException("role '" + running.role() + "' is not configured"));
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
            live = new LiveStep(job, n, journal, log, agent.interpreter(request), env, clock);
            Optional<Execution> found = instances.runner(running.runner()).reattach(running.execution(), live);
            if (found.isEmpty()) {
                log.append("# logist: the execution is gone");
                return Optional.empty();
            }
            if (step.phase() != StepPhase.RECOVERING) {
                step = phase(journal, step, StepPhase.RECOVERING);
            }
            Map<String, String> handle = found.get().handle();
            journal.emit((seq, ts) -> new ExecutionReattached(seq, ts, n, handle));
            step = phase(journal, step, StepPhase.EXECUTING).withExecution(handle);
            journal.save(job.withStep(step, journal.now()));
            watched = watch(job, found.get(), live, settings.limits(), step.startedAt());
        }
        step = phase(journal, step, StepPhase.HARVESTING);
        Ending ending = watched.stopped().orElseGet(() -> harvest(journal, job, n, running.agent(), live,
                watched.exitCode().orElse(-1)));
        boolean fatal = ending.error().map(e -> e.kind() == AgentError.Kind.AUTHENTICATION).orElse(false);
        return Optional.of(finish(journal, job, step, live, ending, fatal, watched.request()));
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
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot remove the scratch directory " + dir,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** How the step ended, before the checkpoint. */
    private record Ending(StepOutcome outcome, Optional<String> reason, Optional<Integer> exitCode,
                          Optional<String> summary, Optional<AgentError> error) {
        Ending(StepOutcome outcome, Optional<String> reason, Optional<Integer> exitCode, Optional<String> summary) {
            this(outcome, reason, exitCode, summary, Optional.empty());
        }
    }

    /** The exit code when the process exited by itself, or how Logist stopped it and at whose request. */
    private record Watched(Optional<Integer> exitCode, Optional<Ending> stopped, Optional<OwnerRequest> request) {
    }

    /**
     * Waits for the process, stopping it when a limit or timeout is crossed, or when another process asks the
     * owner to cancel or suspend the job.
     */
    private Watched watch(JobInfo job, Execution execution, LiveStep live, Limits limits, Instant startedAt) {
        try {
            while (true) {
                Optional<Integer> exit = execution.waitFor(POLL);
                if (exit.isPresent()) {
                    return new Watched(exit, Optional.empty(), Optional.empty());
                }
                Optional<OwnerRequest> request = store.takeRequest(job.id());
                if (request.isPresent()) {
                    boolean cancel = request.get() == OwnerRequest.CANCEL;
                    Optional<Integer> code = stop(execution);
                    return new Watched(code, Optional.of(new Ending(cancel ? StepOutcome.CANCELED
                            : StepOutcome.INTERRUPTED, Optional.of(cancel ? "canceled" : "suspended"), code,
                            Optional.empty())), request);
                }
                Optional<String> stop = live.stopReason().or(() -> timeout(live, limits, startedAt));
                if (stop.isPresent()) {
                    Optional<Integer> code = stop(execution);
                    return new Watched(code, Optional.of(new Ending(StepOutcome.KILLED, stop, code, Optional.empty())),
                            Optional.empty());
                }
            }
        } catch (InterruptedException e) {
            execution.terminate(TERMINATE_GRACE);
            Thread.currentThread().interrupt();
            return new Watched(Optional.empty(), Optional.of(new Ending(StepOutcome.INTERRUPTED,
                    Optional.of("the orchestrating thread was interrupted"), Optional.empty(), Optional.empty())),
                    Optional.empty());
        }
    }

    /** Stops the whole execution and returns its exit code, once every line it printed was delivered. */
    private static Optional<Integer> stop(Execution execution) throws InterruptedException {
        execution.terminate(TERMINATE_GRACE);
        return execution.waitFor(TERMINATE_GRACE);
    }

    private Optional<String> timeout(LiveStep live, Limits limits, Instant startedAt) {
        Instant now = clock.instant();
        if (Duration.between(live.lastOutput(), now).compareTo(limits.idleTimeout()) >= 0) {
            return Optional.of("idle-timeout: no output for " + Durations.format(limits.idleTimeout()));
        }
        if (Duration.between(startedAt, now).compareTo(limits.stepTimeout()) >= 0) {
            return Optional.of("step-timeout: the step ran longer than " + Durations.format(limits.stepTimeout()));
        }
        return Optional.empty();
    }

    /** Reads the agent's outcome and verdict after it exited by itself. */
    private Ending harvest(JobJournal journal, JobInfo job, int n, String agentId, LiveStep live, int exitCode) {
        AgentOutcome outcome = live.finish(exitCode);
        Optional<Integer> code = Optional.of(exitCode);
        if (exitCode != 0 || outcome.error().isPresent()) {
            String detail = outcome.error().map(AgentError::message).filter(m -> !m.isBlank())
                    .orElse(live.stderrTail());
            String reason = "agent '" + agentId + "' " + (exitCode != 0 ? "exited with code " + exitCode : "failed")
                    + (detail.isBlank() ? "" : ": " + detail);
            return new Ending(StepOutcome.AGENT_FAILED, Optional.of(reason), code, Optional.empty(), outcome.error());
        }
        VerdictResult result = VerdictParser.parse(outcome.finalMessage(), job.workspace());
        if (result instanceof VerdictResult.Valid valid) {
            Verdict verdict = valid.verdict();
            StepOutcome stepOutcome = switch (verdict.action()) {
                case COMPLETED -> StepOutcome.COMPLETED;
                case RETRY -> StepOutcome.RETRY;
                case STUCK -> StepOutcome.STUCK;
            };
            return new Ending(stepOutcome, Optional.empty(), code, Optional.of(verdict.summary()));
        }
        String error = ((VerdictResult.Invalid) result).error();
        journal.emit((seq, ts) -> new VerdictRejected(seq, ts, n, error));
        return new Ending(StepOutcome.INVALID_VERDICT, Optional.of(error), code, Optional.empty());
    }

    /** Commits the checkpoint and records the finished step. */
    private Report finish(JobJournal journal, JobInfo job, StepInfo running, LiveStep live, Ending ending,
                          boolean fatal, Optional<OwnerRequest> request) {
        deleteVerdictFile(job.workspace());
        String message = "logist " + job.id() + " step " + running.n() + " (" + running.role() + "): "
                + ending.outcome() + ending.summary().or(ending::reason).map(s -> "\n\n" + s).orElse("");
        String commit = workspaces.checkpoint(job.repo(), job.workspace(), job.branch(), message);
        StepInfo step = running.withUsage(live.usage());
        if (live.sessionId().isPresent()) {
            step = step.withSessionId(live.sessionId().get());
        }
        step = step.finished(ending.outcome(), ending.reason(), ending.exitCode(), ending.summary(), journal.now())
                .withCommit(commit);
        step = phase(journal, step, StepPhase.DONE);
        StepInfo done = step;
        JobInfo updated = journal.save(job.withStep(done, journal.now()));
        journal.emit((seq, ts) -> new StepFinished(seq, ts, done.n(), ending.outcome(), ending.reason(),
                ending.exitCode(), ending.summary(), Optional.of(commit), done.usage()));
        return new Report(updated, fatal, request);
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
