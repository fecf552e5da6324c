package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.Cleanup;
import io.logist.ConfigProblem;
import io.logist.ConfigurationException;
import io.logist.Harvest;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobResult;
import io.logist.JobSettings;
import io.logist.JobSpec;
import io.logist.Logist;
import io.logist.LogistException;
import io.logist.PluginInfo;
import io.logist.RoleSettings;
import io.logist.StepInfo;
import io.logist.StepPreview;
import io.logist.StoreException;
import io.logist.Usage;
import io.logist.core.internal.config.SettingsResolver;
import io.logist.core.internal.runner.JobProcesses;
import io.logist.core.internal.runner.ProcFs;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import io.logist.spi.Observer;
import io.logist.spi.OptionSpec;
import io.logist.spi.OwnerRequest;
import io.logist.spi.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one implementation of {@link Logist}. */
final class Engine implements Logist {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final String SETTINGS_SOURCE = "setting";

    private final JobStore store;
    private final PluginInstances instances;
    private final GitWorkspaces workspaces;
    private final SettingsResolver resolver;
    private final StepExecutor executor;
    private final CrashRecovery recovery;
    private final OrphanSweep orphans;
    private final JobControl control;
    private final JobRewind rewind;
    private final Harvester harvester;
    private final Path userConfig;
    private final Map<String, String> environment;
    private final Clock clock;

    Engine(JobStore store, PluginInstances instances, GitWorkspaces workspaces, Path userConfig,
           Map<String, String> environment, Clock clock) {
        this.store = store;
        this.instances = instances;
        this.workspaces = workspaces;
        this.userConfig = userConfig;
        this.environment = environment;
        this.clock = clock;
        Plugins plugins = instances.plugins();
        Map<String, List<OptionSpec>> agentOptions = new LinkedHashMap<>();
        plugins.agents().forEach(p -> agentOptions.put(p.id(), p.options()));
        Map<String, List<OptionSpec>> runnerOptions = new LinkedHashMap<>();
        plugins.runners().forEach(p -> runnerOptions.put(p.id(), p.options()));
        this.resolver = new SettingsResolver(agentOptions, runnerOptions);
        this.executor = new StepExecutor(store, workspaces, instances, environment, clock);
        JobProcesses processes = new JobProcesses(ProcFs.system(), instances.home());
        this.recovery = new CrashRecovery(store, workspaces, executor, processes, clock);
        this.orphans = new OrphanSweep(store, processes, instances, clock);
        this.control = new JobControl(store, clock);
        this.rewind = new JobRewind(store, workspaces, clock);
        this.harvester = new Harvester(store, workspaces);
    }

    @Override
    public JobId create(JobSpec spec) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> prompt = spec.prompt().map(String::strip).filter(p -> !p.isEmpty());
        if (prompt.isEmpty()) {
            problems.add(new ConfigProblem("prompt", Optional.empty(),
                    "is required: give the task with --prompt TEXT or --prompt-file FILE", Optional.empty()));
        }
        Path repoDir = spec.repo().orElse(Path.of("")).toAbsolutePath().normalize();
        Optional<Path> repo = Optional.empty();
        try {
            repo = Optional.of(workspaces.repositoryRoot(repoDir));
        } catch (BadInputException e) {
            problems.add(new ConfigProblem("repo", Optional.of(repoDir.toString()),
                    "must be a git work tree: run `git init` there, or pass --repo DIR", Optional.empty()));
        }
        List<Path> files = new ArrayList<>(List.of(userConfig));
        repo.ifPresent(r -> files.add(r.resolve("logist.yml")));
        JobSettings settings = null;
        try {
            settings = resolver.resolve(files, spec.settings(), SETTINGS_SOURCE);
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
        }
        String base = spec.base().orElse("HEAD");
        String baseCommit = null;
        if (repo.isPresent()) {
            try {
                baseCommit = workspaces.resolveCommit(repo.get(), base);
            } catch (BadInputException e) {
                problems.add(new ConfigProblem("base", Optional.of(base), "must name a commit: " + e.getMessage(),
                        Optional.empty()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        JobId id = chooseId(spec, repo.get(), settings.branchPrefix());
        Instant now = clock.instant();
        JobInfo job = JobInfo.draft(id, spec.name(), prompt.get(), repo.get(), base, baseCommit,
                settings.branchPrefix() + id, store.directory(id).resolve("workspace"), settings, now);
        store.create(job);
        new JobJournal(store, id, List.of(), clock).emit((seq, ts) -> new JobCreated(seq, ts, job));
        return id;
    }

    private JobId chooseId(JobSpec spec, Path repo, String branchPrefix) {
        if (spec.id().isPresent()) {
            JobId id = spec.id().get();
            if (store.load(id).isPresent()) {
                throw new BadInputException("job " + id + " already exists: choose another id or leave it out");
            }
            if (workspaces.branchExists(repo, branchPrefix + id)) {
                throw new BadInputException("branch " + branchPrefix + id + " already exists in " + repo
                        + ": choose another job id or delete the branch");
            }
            return id;
        }
        String prefix = JobIds.slug(spec.name().orElse(spec.prompt().orElse("")));
        while (true) {
            JobId id = JobIds.generate(prefix);
            if (store.load(id).isEmpty() && !workspaces.branchExists(repo, branchPrefix + id)) {
                return id;
            }
        }
    }

    @Override
    public JobInfo activate(JobId id) {
        try (JobLock ignored = store.lock(existing(id), "activate")) {
            JobInfo job = load(id);
            JobStateMachine.require(id, job.status(), JobAction.ACTIVATE);
            List<String> missing = new ArrayList<>();
            Probe runner = Plugins.safeProbe("runner", job.settings().runner(),
                    () -> instances.plugins().runner(job.settings().runner()).probe());
            if (!runner.available()) {
                missing.add("runner '" + job.settings().runner() + "': " + runner.detail());
            }
            for (RoleSettings role : job.settings().roles().values()) {
                Probe agent = Plugins.safeProbe("agent", role.agent(), () -> instances.plugins().agent(role.agent())
                        .probe(job.settings().agentOptions(role.agent()), environment));
                if (!agent.available()) {
                    missing.add("agent '" + role.agent() + "' (" + role.name() + "): " + agent.detail());
                }
            }
            if (!missing.isEmpty()) {
                throw new BadInputException("cannot activate job " + id + ", not available here: "
                        + String.join("; ", missing));
            }
            return new JobJournal(store, id, List.of(), clock).transition(job, JobAction.ACTIVATE, Optional.empty());
        }
    }

    @Override
    public JobInfo status(JobId id) {
        return load(id);
    }

    @Override
    public List<JobInfo> list() {
        return store.list();
    }

    @Override
    public List<JobEvent> events(JobId id) {
        load(id);
        return store.events(id);
    }

    @Override
    public JobResult step(JobId id, Observer observer) {
        return drive(id, observer, true);
    }

    @Override
    public JobResult run(JobId id, Observer observer) {
        return drive(id, observer, false);
    }

    /** Runs steps under the job's lock until the job rests, or after one step when {@code single}. */
    private JobResult drive(JobId id, Observer observer, boolean single) {
        try (JobLock ignored = store.lock(existing(id), single ? "step" : "run")) {
            JobJournal journal = new JobJournal(store, id, List.of(observer), clock);
            JobInfo job = journal.transition(recovery.recoverOwned(load(id), journal), JobAction.START,
                    Optional.empty());
            int stepsRun = 0;
            while (true) {
                Optional<OwnerRequest> request = store.takeRequest(id);
                if (request.isPresent()) {
                    job = journal.transition(job, JobAction.answering(request.get()), Optional.empty());
                    break;
                }
                StepPlan.Decision decision = StepPlan.next(job);
                if (decision instanceof StepPlan.Decision.Rest rest) {
                    job = journal.transition(job, rest.action(), rest.reason());
                    break;
                }
                StepPlan.Decision.Run next = (StepPlan.Decision.Run) decision;
                if (single && stepsRun == 1) {
                    job = journal.transition(job, JobAction.PAUSE, Optional.empty());
                    break;
                }
                Optional<String> over = Budget.exceededBefore(job, next, clock.instant());
                if (over.isPresent()) {
                    job = journal.transition(job, JobAction.NEED_INTERVENTION, over);
                    break;
                }
                StepExecutor.Report report;
                try {
                    report = executor.execute(job, journal, next);
                } catch (StoreException e) {
                    throw e;
                } catch (LogistException | UncheckedIOException e) {
                    LOG.debug("step of job {} failed", id, e);
                    job = journal.transition(load(id), JobAction.NEED_INTERVENTION,
                            Optional.of("the step could not run: " + e.getMessage()));
                    break;
                }
                job = report.job();
                if (report.request().isPresent()) {
                    job = journal.transition(job, JobAction.answering(report.request().get()), Optional.empty());
                    break;
                }
                if (report.fatal()) {
                    job = journal.transition(job, JobAction.FAIL, job.lastStep().flatMap(StepInfo::reason));
                    break;
                }
                stepsRun++;
            }
            return JobResult.of(job);
        }
    }

    @Override
    public JobInfo cancel(JobId id) {
        return control.cancel(id);
    }

    @Override
    public JobInfo suspend(JobId id) {
        return control.suspend(id);
    }

    @Override
    public JobInfo resume(JobId id) {
        return control.resume(id);
    }

    @Override
    public JobInfo approve(JobId id) {
        return control.approve(id);
    }

    @Override
    public JobInfo reject(JobId id, String message) {
        return control.reject(id, message);
    }

    @Override
    public JobInfo resubmit(JobId id, Optional<String> message) {
        return control.resubmit(id, message);
    }

    @Override
    public JobInfo rerun(JobId id) {
        return rewind.rerun(id);
    }

    @Override
    public JobInfo restep(JobId id, int step) {
        return rewind.restep(id, step);
    }

    @Override
    public JobResult poststep(JobId id, String response) {
        return new PostedStep(store, executor, clock).post(id, response);
    }

    @Override
    public StepPreview preview(JobId id) {
        return new Previewer(store, executor, instances, environment, clock).preview(id);
    }

    @Override
    public List<String> log(JobId id, int step) {
        return new StepLogs(store).lines(id, step);
    }

    @Override
    public String diff(JobId id) {
        return harvester.diff(id);
    }

    @Override
    public String harvest(JobId id, Harvest target) {
        return harvester.harvest(id, target);
    }

    @Override
    public List<String> clean(Cleanup what) {
        JobCleaner cleaner = new JobCleaner(store, workspaces, clock);
        if (what instanceof Cleanup.Job one) {
            return List.of(cleaner.remove(one.id()));
        }
        if (what instanceof Cleanup.Finished finished) {
            return cleaner.removeFinished(finished.olderThan());
        }
        return orphans.sweep();
    }

    @Override
    public List<RoleSettings> roles(Path repo) {
        return new RoleCatalog(resolver, workspaces, userConfig).roles(repo);
    }

    @Override
    public List<JobInfo> recover(Optional<JobId> id) {
        return recovery.recover(id);
    }

    @Override
    public JobResult attach(JobId id, Observer observer) {
        return new JobAttachment(store, clock).follow(id, observer);
    }

    @Override
    public List<PluginInfo> plugins() {
        return instances.plugins().describe(environment);
    }

    @Override
    public Path init(Path directory) {
        Path file = directory.toAbsolutePath().resolve("logist.yml");
        try {
            Files.writeString(file, SettingsResolver.defaultYaml(), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(file + " already exists: edit it, or delete it to start from the defaults");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private JobInfo load(JobId id) {
        return JobCommands.load(store, id);
    }

    /** {@code id}, once the job is known to exist: the store's lock need not refuse a job that does not. */
    private JobId existing(JobId id) {
        load(id);
        return id;
    }

    @Override
    public void close() {
        instances.close();
        store.close();
    }
}
