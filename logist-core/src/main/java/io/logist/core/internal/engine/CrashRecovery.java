package io.logist.core.internal.engine;

import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobLockedException;
import io.logist.JobStatus;
import io.logist.StepInfo;
import io.logist.StepOutcome;
import io.logist.StepPhase;
import io.logist.core.internal.runner.JobProcesses;
import io.logist.core.internal.runner.ProcStat;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.event.JobCreated;
import io.logist.event.JobEvent;
import io.logist.event.StateChanged;
import io.logist.event.StepFinished;
import io.logist.event.StepInterrupted;
import io.logist.event.StepStarted;
import io.logist.event.StepsSuperseded;
import io.logist.spi.JobLock;
import io.logist.spi.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery (SPEC section 6). A job that is {@code RUNNING} while its lock is free was owned by a process
 * that died. When its last step has no outcome and the runner finds the step's execution still there, the step
 * is followed again and ends like any other; otherwise the step is finished as {@code INTERRUPTED} with a
 * checkpoint, the workspace goes back to the checkpoint before it, and the job to {@code PENDING}, so that the
 * next run retries the step ({@link StepPlan} does). Retries are bounded by {@code sentinel.retries}.
 *
 * <p>Nothing is done twice: a checkpoint commit that a crash kept out of the manifest is found in the
 * workspace (its message names the job and the step) and adopted; events that a crash kept from being
 * written after the manifest was saved are written, so that the events tell the whole story again and can
 * rebuild the manifest.
 */
final class CrashRecovery {
    /** The action recorded with the state changes recovery makes. */
    static final String ACTION = "recover";

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);
    /** A git lock file this old was left by a git command killed with its process. */
    private static final Duration STALE_GIT_LOCK = Duration.ofSeconds(2);

    private final JobStore store;
    private final GitWorkspaces workspaces;
    private final StepExecutor executor;
    private final JobProcesses processes;
    private final Clock clock;

    CrashRecovery(JobStore store, GitWorkspaces workspaces, StepExecutor executor, JobProcesses processes,
                  Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.executor = executor;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Recovers job {@code id}, or every job, whose owner died; jobs a live process owns are left alone. One
     * job given by id also has its events completed when it is not running.
     *
     * @return the jobs that needed recovery, as they are now
     */
    List<JobInfo> recover(Optional<JobId> id) {
        List<JobInfo> candidates = id.map(one -> List.of(JobCommands.load(store, one))).orElseGet(store::list);
        List<JobInfo> recovered = new ArrayList<>();
        for (JobInfo job : candidates) {
            if (job.status() != JobStatus.RUNNING && id.isEmpty()) {
                continue;
            }
            try (JobLock ignored = store.lock(job.id(), ACTION)) {
                JobJournal journal = new JobJournal(store, job.id(), List.of(), clock);
                JobInfo current = JobCommands.load(store, job.id());
                if (current.status() == JobStatus.RUNNING) {
                    recovered.add(recoverOwned(current, journal));
                } else {
                    completeEvents(current, journal);
                }
            } catch (JobLockedException e) {
                LOG.debug("job {} is owned by a live process: {}", job.id(), e.getMessage());
            } catch (RuntimeException e) {
                if (id.isPresent()) {
                    throw e;
                }
                // One job that cannot be recovered must not keep the others from it.
                LOG.warn("Job {} could not be recovered and stays as it is: {}", job.id(), e.getMessage(), e);
            }
        }
        return List.copyOf(recovered);
    }

    /**
     * Recovers a job whose lock the caller holds: if it is {@code RUNNING}, its owner died. Leaves a job that
     * needs no recovery as it is, apart from completing its events.
     *
     * @return the job as it is now: {@code PENDING} unless the recovered step ended the run
     */
    JobInfo recoverOwned(JobInfo job, JobJournal journal) {
        completeEvents(job, journal);
        if (job.status() != JobStatus.RUNNING) {
            return job;
        }
        LOG.warn("Job {} was left RUNNING by a process that died; recovering it", job.id());
        Optional<StepInfo> last = job.lastStep();
        if (last.isEmpty() || last.get().outcome().isPresent()) {
            return journal.transition(job, JobAction.PAUSE, Optional.empty(), ACTION);
        }
        StepInfo step = last.get();
        Optional<String> committed = unrecordedCheckpoint(job, step);
        if (committed.isEmpty() && !step.execution().isEmpty()) {
            Optional<StepExecutor.Report> report = executor.reattach(job, journal, step);
            if (report.isPresent()) {
                return afterReattach(journal, report.get());
            }
        }
        return interrupt(journal, job, step, committed);
    }

    /**
     * The checkpoint of step {@code step} when a crash came between committing it and recording it: the
     * workspace's HEAD is a checkpoint of this step. Its execution has ended then, and following it again would
     * commit a second time. Git commands the dead process left running are waited for first: the checkpoint
     * may still be on its way.
     */
    private Optional<String> unrecordedCheckpoint(JobInfo job, StepInfo step) {
        Path workspace = job.workspace();
        List<Path> locks = workspaces.removeStaleLocks(workspace, STALE_GIT_LOCK);
        if (!locks.isEmpty()) {
            LOG.warn("Job {}: removed git lock files left by a killed git command: {}", job.id(), locks);
        }
        if (workspaces.headMessage(workspace).filter(message -> message.startsWith(subject(job, step))).isEmpty()) {
            return Optional.empty();
        }
        LOG.warn("Job {}: adopting the checkpoint of step {} that was committed but not recorded", job.id(),
                step.n());
        workspaces.publish(job.repo(), workspace, job.branch());
        return Optional.of(workspaces.head(workspace));
    }

    private static String subject(JobInfo job, StepInfo step) {
        return "logist " + job.id() + " step " + step.n() + " (" + step.role() + "): ";
    }

    private JobInfo afterReattach(JobJournal journal, StepExecutor.Report report) {
        JobInfo job = report.job();
        if (report.request().isPresent()) {
            return journal.transition(job, JobAction.answering(report.request().get()), Optional.empty());
        }
        if (report.fatal()) {
            return journal.transition(job, JobAction.FAIL, job.lastStep().flatMap(StepInfo::reason), ACTION);
        }
        return journal.transition(job, JobAction.PAUSE, Optional.empty(), ACTION);
    }

    /**
     * Finishes a step whose execution is lost or whose checkpoint was committed but not recorded as
     * {@code INTERRUPTED}: stops what it left running, gives it its checkpoint ({@code committed}, or a new
     * one on top of the checkpoint it started from), and leaves the job {@code PENDING} to retry it, or needing
     * intervention once the retries are used up.
     */
    private JobInfo interrupt(JobJournal journal, JobInfo job, StepInfo running, Optional<String> committed) {
        int n = running.n();
        String reason = "the process running step " + n + " (" + running.role() + ") died"
                + (committed.isPresent() ? " after committing the step's checkpoint, before recording it"
                        : running.execution().isEmpty() ? " before the agent started"
                        : " and the agent's execution is gone");
        List<ProcStat> killed = processes.kill(job.id());
        if (!killed.isEmpty()) {
            LOG.warn("Job {}: killed {} processes the interrupted step {} left running: {}", job.id(), killed.size(),
                    n, killed.stream().map(ProcStat::pid).toList());
        }
        journal.emit((seq, ts) -> new StepInterrupted(seq, ts, n, reason));
        String commit = committed.orElseGet(() -> checkpoint(job, running, reason));
        StepInfo step = running;
        if (step.phase().canMoveTo(StepPhase.HARVESTING)) {
            step = StepExecutor.phase(journal, step, StepPhase.HARVESTING);
        }
        step = StepExecutor.phase(journal, step, StepPhase.DONE)
                .finished(StepOutcome.INTERRUPTED, Optional.of(reason), Optional.empty(), Optional.empty(),
                        journal.now())
                .withCommit(commit);
        StepInfo done = step;
        JobInfo updated = journal.save(job.withStep(done, journal.now()));
        journal.emit((seq, ts) -> new StepFinished(seq, ts, n, StepOutcome.INTERRUPTED, done.reason(),
                Optional.empty(), Optional.empty(), Optional.of(commit), done.usage()));
        int inARow = interruptionsInARow(updated);
        int retries = updated.settings().sentinel().retries();
        if (inARow > retries) {
            return journal.transition(updated, JobAction.NEED_INTERVENTION, Optional.of("step " + n + " ("
                    + done.role() + ") was interrupted " + inARow + " times in a row, more than sentinel.retries ("
                    + retries + ") allows: " + reason + "; resubmit the job to try again"), ACTION);
        }
        return journal.transition(updated, JobAction.PAUSE, Optional.empty(), ACTION);
    }

    /**
     * A checkpoint for an interrupted step that has none: the workspace goes back to the checkpoint the step
     * started from, and an empty commit records the interruption, so that every step keeps exactly one commit.
     */
    private String checkpoint(JobInfo job, StepInfo step, String reason) {
        Path workspace = job.workspace();
        if (!workspaces.isOnBranch(workspace, job.branch())) {
            // Killed while the workspace was being made: provisioning finishes it.
            workspaces.provision(job.repo(), workspace, job.branch(), job.baseCommit());
        }
        workspaces.resetTo(workspace, startingPoint(job, step.n()));
        return workspaces.checkpoint(job.repo(), workspace, job.branch(),
                subject(job, step) + StepOutcome.INTERRUPTED + "\n\n" + reason);
    }

    /** The checkpoint step {@code n} started from: the last earlier step's commit, or the base. */
    private static String startingPoint(JobInfo job, int n) {
        for (int i = n - 2; i >= 0; i--) {
            Optional<String> commit = job.steps().get(i).commit();
            if (commit.isPresent()) {
                return commit.get();
            }
        }
        return job.baseCommit();
    }

    /** How many of the last steps in a row, all of the last step's role, were interrupted. */
    static int interruptionsInARow(JobInfo job) {
        List<StepInfo> steps = job.steps();
        int count = 0;
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepInfo step = steps.get(i);
            if (step.outcome().orElse(null) != StepOutcome.INTERRUPTED
                    || !step.role().equals(steps.get(steps.size() - 1).role())) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * Writes the events a crash kept from being written after the manifest was saved: the last step's start
     * and finish, and the job's last state change. The manifest is saved first and the event appended after,
     * so the events can only lag behind.
     */
    void completeEvents(JobInfo job, JobJournal journal) {
        List<JobEvent> all = store.events(job.id());
        if (all.isEmpty()) {
            LOG.warn("Job {}: writing the missing creation event", job.id());
            journal.emit((seq, ts) -> new JobCreated(seq, ts, job));
            return;
        }
        Optional<StepInfo> last = job.lastStep();
        if (last.isPresent()) {
            StepInfo step = last.get();
            List<JobEvent> events = sinceStepWasLastSuperseded(all, step.n());
            boolean started = events.stream().anyMatch(e -> e instanceof StepStarted s && s.n() == step.n());
            if (!started) {
                LOG.warn("Job {}: writing the missing start event of step {}", job.id(), step.n());
                journal.emit((seq, ts) -> new StepStarted(seq, ts, step.n(), step.role(), step.agent(), step.runner(),
                        step.reask()));
            }
            boolean finished = events.stream().anyMatch(e -> e instanceof StepFinished f && f.n() == step.n());
            if (step.outcome().isPresent() && !finished) {
                LOG.warn("Job {}: writing the missing finish event of step {}", job.id(), step.n());
                journal.emit((seq, ts) -> new StepFinished(seq, ts, step.n(), step.outcome().get(), step.reason(),
                        step.exitCode(), step.summary(), step.commit(), step.usage()));
            }
        }
        JobStatus told = lastStatus(all);
        if (told != job.status()) {
            LOG.warn("Job {}: writing the missing change from {} to {}", job.id(), told, job.status());
            journal.emit((seq, ts) -> new StateChanged(seq, ts, told, job.status(), ACTION, job.reason()));
        }
    }

    /**
     * The events that may tell of step {@code n} as the job has it now: step numbers start over after a restep or
     * rerun, so those before the last supersede that took away a step {@code n} tell of another step. A step a
     * restep kept was told before it.
     */
    private static List<JobEvent> sinceStepWasLastSuperseded(List<JobEvent> events, int n) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof StepsSuperseded superseded && superseded.fromStep() <= n) {
                return events.subList(i + 1, events.size());
            }
        }
        return events;
    }

    private static JobStatus lastStatus(List<JobEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            JobEvent event = events.get(i);
            if (event instanceof StateChanged changed) {
                return changed.to();
            }
            if (event instanceof JobCreated created) {
                return created.job().status();
            }
        }
        return JobStatus.DRAFT;
    }
}
