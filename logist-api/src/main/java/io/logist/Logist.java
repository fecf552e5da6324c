package io.logist;

import io.logist.event.JobEvent;
import io.logist.spi.AgentProvider;
import io.logist.spi.EngineFactory;
import io.logist.spi.EngineOptions;
import io.logist.spi.JobStore;
import io.logist.spi.Observer;
import io.logist.spi.RunnerProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point of the library: creates, runs and inspects jobs. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (Logist logist = Logist.builder().home(dir).build()) {
 *     JobId id = logist.create(JobSpec.builder().prompt("...").repo(path).agent("mock").build());
 *     logist.activate(id);
 *     JobResult result = logist.run(id, Observer.NOOP);
 * }
 * }</pre>
 */
public interface Logist extends AutoCloseable {

    static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a job in {@code DRAFT}: validates the spec and every {@code logist.yml} it draws on, resolves
     * the base commit and stores the job. Nothing runs yet.
     *
     * @throws ConfigurationException listing every problem found
     */
    JobId create(JobSpec spec);

    /**
     * Moves a {@code DRAFT} job to {@code PENDING} after checking that its runner and agents are available;
     * this also creates the job's workspace and branch.
     */
    JobInfo activate(JobId id);

    /** The job's manifest. @throws JobNotFoundException when there is no such job */
    JobInfo status(JobId id);

    /** Every job, oldest first. */
    List<JobInfo> list();

    /** The job's events in order. */
    List<JobEvent> events(JobId id);

    /**
     * Runs the next step of the loop and returns. Takes the job's lock for the duration.
     *
     * @throws JobLockedException when another process owns the job
     */
    JobResult step(JobId id, Observer observer);

    /**
     * Runs steps until the job rests: success, approval or intervention needed, suspended, canceled or
     * failed. Blocks; takes the job's lock for the duration.
     *
     * @throws JobLockedException when another process owns the job
     */
    JobResult run(JobId id, Observer observer);

    /** {@link #run} on a thread of its own. */
    default CompletableFuture<JobResult> runAsync(JobId id, Observer observer) {
        return CompletableFuture.supplyAsync(() -> run(id, observer));
    }

    /**
     * Cancels the job: when a step runs in another process, that process is asked to stop it and this call
     * waits until the job is {@code CANCELED}, no process of the step left.
     */
    JobInfo cancel(JobId id);

    /** Suspends the job; a running step (in this or another process) is stopped first. */
    JobInfo suspend(JobId id);

    /** Resumes a {@code SUSPENDED} job: it becomes {@code PENDING}. */
    JobInfo resume(JobId id);

    /** Approves work waiting in {@code APPROVAL_REQUIRED}: the job succeeds. */
    JobInfo approve(JobId id);

    /** Rejects work waiting in {@code APPROVAL_REQUIRED}; {@code message} reaches the next worker prompt. */
    JobInfo reject(JobId id, String message);

    /** Sends a job needing intervention back to {@code PENDING}; a message reaches the next worker prompt. */
    JobInfo resubmit(JobId id, Optional<String> message);

    /** Starts the job over: a fresh workspace from the base, the earlier run kept in the history. */
    JobInfo rerun(JobId id);

    /**
     * Resets the workspace and the job branch to the checkpoint of step {@code step}; later steps stay in the
     * history as superseded. {@code 0} goes back to the base.
     */
    JobInfo restep(JobId id, int step);

    /**
     * Applies a hand-written verdict as the next step's outcome, validated like an agent's, commits the workspace
     * and records a simulated step. For tests and demos.
     */
    JobResult poststep(JobId id, String response);

    /** What the next step would run; runs nothing and changes nothing. */
    StepPreview preview(JobId id);

    /** The lines of step {@code step}'s log; empty while the step has printed nothing. */
    List<String> log(JobId id, int step);

    /** The job's change since its base, as a unified diff. */
    String diff(JobId id);

    /**
     * Exports the job's change.
     *
     * @return where it went, in words: the patch file, the branch, or the remote and ref
     */
    String harvest(JobId id, Harvest target);

    /**
     * Removes what {@code what} names.
     *
     * @return what was removed, one line each
     */
    List<String> clean(Cleanup what);

    /** The roles a job created in {@code repo} would have: built-in ones and those of the {@code logist.yml} files. */
    List<RoleSettings> roles(Path repo);

    /**
     * Recovers jobs whose owning process died: re-attaches to a step still running, or marks it interrupted so
     * that it is retried from its checkpoint. Jobs owned by a live process are left alone.
     *
     * @param id one job, or every job when empty
     * @return the jobs that needed recovery, as they are now
     */
    List<JobInfo> recover(Optional<JobId> id);

    /** Follows a job that runs in another process until it rests, passing its events and output to the observer. */
    JobResult attach(JobId id, Observer observer);

    /** Every runner and agent plugin found, with its probe result. */
    List<PluginInfo> plugins();

    /** Writes {@code logist.yml} with the defaults into {@code directory}; refuses to overwrite one. */
    Path init(Path directory);

    @Override
    void close();

    /** Configures and builds a {@link Logist}. */
    final class Builder {
        private Path home;
        private boolean discovery = true;
        private ClassLoader classLoader;
        private final List<RunnerProvider> runners = new ArrayList<>();
        private final List<AgentProvider> agents = new ArrayList<>();
        private JobStore store;
        private Path userConfig;
        private Map<String, String> environment = System.getenv();
        private Clock clock = Clock.systemUTC();
        private boolean recoverOnStart;

        private Builder() {
        }

        /** The Logist home; without it, {@code $LOGIST_HOME}, else {@code ~/.logist}. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** Whether plugins are discovered with {@link ServiceLoader} (on by default). */
        public Builder discovery(boolean enabled) {
            this.discovery = enabled;
            return this;
        }

        /** Where discovery looks; the thread's context class loader by default. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Registers a runner by hand, with or without discovery. */
        public Builder register(RunnerProvider provider) {
            runners.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Registers an agent by hand, with or without discovery. */
        public Builder register(AgentProvider provider) {
            agents.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** A store to use instead of the file store under the home. */
        public Builder store(JobStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The user's {@code logist.yml}; {@code ~/.config/logist/logist.yml} by default. */
        public Builder userConfig(Path file) {
            this.userConfig = Objects.requireNonNull(file, "file");
            return this;
        }

        /** The environment Logist reads API keys and binaries from; the process environment by default. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Whether {@link #build()} recovers every job whose owner died (off by default). */
        public Builder recoverOnStart(boolean enabled) {
            this.recoverOnStart = enabled;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the engine found on the class path ({@code logist-core}).
         *
         * @throws PluginException when no engine or more than one is found
         */
        public Logist build() {
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            EngineOptions options = new EngineOptions(Optional.ofNullable(home), discovery,
                    loader != null ? loader : Logist.class.getClassLoader(), runners, agents,
                    Optional.ofNullable(store), Optional.ofNullable(userConfig), environment, clock, recoverOnStart);
            return engineFactory(options.classLoader()).create(options);
        }

        private static EngineFactory engineFactory(ClassLoader loader) {
            Iterator<EngineFactory> found = ServiceLoader.load(EngineFactory.class, loader).iterator();
            if (!found.hasNext()) {
                found = ServiceLoader.load(EngineFactory.class, Logist.class.getClassLoader()).iterator();
            }
            if (!found.hasNext()) {
                throw new PluginException("no Logist engine found: add io.logist:logist-core to the class path");
            }
            EngineFactory factory = found.next();
            if (found.hasNext()) {
                throw new PluginException("two Logist engines found: " + factory.getClass().getName() + " and "
                        + found.next().getClass().getName() + "; keep one logist-core on the class path");
            }
            return factory;
        }
    }
}
