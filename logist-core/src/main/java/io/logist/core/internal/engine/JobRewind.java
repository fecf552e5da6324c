package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.StepInfo;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.event.StepsSuperseded;
import io.logist.spi.JobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Takes a job back in time (SPEC section 2): {@code rerun} starts over from the base in a fresh workspace as the
 * next run, {@code restep} goes back to a step's checkpoint. The workspace and the job branch move first, the
 * manifest last, so a failure in git leaves the job as it was. Steps taken out stay in the job's history, and
 * their step directories move to {@code history/<h>/}, {@code h} counting the history's entries from 1.
 */
final class JobRewind {
    static final String RERUN = "rerun";
    static final String RESTEP = "restep";

    private final JobStore store;
    private final GitWorkspaces workspaces;
    private final Clock clock;

    JobRewind(JobStore store, GitWorkspaces workspaces, Clock clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    JobInfo rerun(JobId id) {
        return JobCommands.change(store, clock, id, JobAction.RERUN, (journal, job) -> {
            workspaces.remove(job.workspace());
            workspaces.provision(job.repo(), job.workspace(), job.branch(), job.baseCommit());
            JobInfo superseded = supersede(journal, job, 1, RERUN, job.run() + 1);
            return journal.transition(superseded.withSentBackAfter(Optional.empty(), journal.now()), JobAction.RERUN,
                    Optional.empty());
        });
    }

    /** Back to the checkpoint of step {@code step}; the loop then goes on from there, whatever that step said. */
    JobInfo restep(JobId id, int step) {
        return JobCommands.change(store, clock, id, JobAction.RESTEP, (journal, job) -> {
            int steps = job.steps().size();
            if (step < 0 || step > steps) {
                throw new BadInputException("job " + id + " has " + steps + (steps == 1 ? " step" : " steps")
                        + "; --to must be 0.." + steps + " (0 is the base); it is " + job.status() + "; allowed from "
                        + job.status() + ": " + String.join(", ", JobStateMachine.allowedCommands(job.status())));
            }
            String commit = step == 0 ? job.baseCommit() : job.steps().get(step - 1).commit().orElseThrow(() ->
                    new BadInputException("step " + step + " of job " + id + " has no checkpoint (it did not finish);"
                            + " restep to an earlier step"));
            workspaces.resetTo(job.repo(), job.workspace(), job.branch(), commit);
            JobInfo superseded = supersede(journal, job, step + 1, RESTEP, job.run());
            Optional<Integer> after = step == 0 ? Optional.empty() : Optional.of(step);
            return journal.transition(superseded.withSentBackAfter(after, journal.now()), JobAction.RESTEP,
                    Optional.empty());
        });
    }

    /** Moves the steps from {@code fromStep} on to the history, with their step directories. */
    private JobInfo supersede(JobJournal journal, JobInfo job, int fromStep, String by, int newRun) {
        List<StepInfo> moving = job.steps().stream().filter(s -> s.n() >= fromStep).toList();
        JobInfo updated = job.withStepsSuperseded(fromStep, by, newRun, journal.now());
        if (moving.isEmpty()) {
            return updated;
        }
        Path jobDirectory = store.directory(job.id());
        int entry = job.history().size();
        for (StepInfo step : moving) {
            entry++;
            move(jobDirectory.resolve("steps").resolve(Integer.toString(step.n())),
                    jobDirectory.resolve("history").resolve(Integer.toString(entry)));
        }
        JobInfo saved = journal.save(updated);
        journal.emit((seq, ts) -> new StepsSuperseded(seq, ts, job.run(), fromStep, by));
        return saved;
    }

    private static void move(Path from, Path to) {
        if (!Files.exists(from)) {
            return;
        }
        try {
            Files.createDirectories(to.getParent());
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the step directory " + from + " to " + to, e);
        }
    }
}
