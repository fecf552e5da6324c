package io.logist.core.internal.engine;

import io.logist.BadInputException;
import io.logist.Harvest;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.core.internal.workspace.GitWorkspaces;
import io.logist.spi.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A job's change since its base (SPEC section 5): shown as a diff, or exported as a patch file, a branch of the
 * source repository, or a push of the job branch to the configured remote. The change is read from the job branch
 * in the source repository, where every checkpoint is published.
 */
final class Harvester {
    private final JobStore store;
    private final GitWorkspaces workspaces;

    Harvester(JobStore store, GitWorkspaces workspaces) {
        this.store = store;
        this.workspaces = workspaces;
    }

    /** The whole change from the base commit to the job branch's last commit, as a unified diff. */
    String diff(JobId id) {
        JobInfo job = JobCommands.load(store, id);
        return workspaces.unifiedDiff(job.repo(), job.baseCommit(), head(job));
    }

    /** @return where the change went, in words */
    String harvest(JobId id, Harvest target) {
        JobInfo job = JobCommands.load(store, id);
        String head = head(job);
        if (job.steps().stream().noneMatch(s -> s.commit().isPresent()) || head.equals(job.baseCommit())
                || !workspaces.changed(job.repo(), job.baseCommit(), head)) {
            throw new BadInputException("job " + id + " has no change to harvest: its branch " + job.branch()
                    + " has the same files as its base commit " + abbreviated(job.baseCommit())
                    + "; run the job (logist job run " + id + ") until it has changed something; it is "
                    + job.status() + "; allowed from " + job.status() + ": "
                    + String.join(", ", JobStateMachine.allowedCommands(job.status())));
        }
        String range = abbreviated(job.baseCommit()) + ".." + abbreviated(head);
        if (target instanceof Harvest.Patch patch) {
            Path directory = patch.file().toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                throw new BadInputException("cannot write the patch to " + patch.file().toAbsolutePath()
                        + ": the directory " + directory + " does not exist; create it or choose another file");
            }
            workspaces.writePatch(job.repo(), job.baseCommit(), head, patch.file());
            return "wrote the change of job " + id + " (" + range + ") to " + patch.file().toAbsolutePath()
                    + "; apply it with git apply on commit " + abbreviated(job.baseCommit());
        }
        if (target instanceof Harvest.Branch branch) {
            workspaces.createBranch(job.repo(), branch.name(), head);
            return "created branch " + branch.name() + " in " + job.repo() + " at " + abbreviated(head)
                    + " with the change of job " + id + " (" + range + ")";
        }
        String remote = job.settings().harvestRemote().orElseThrow(() -> new BadInputException("job " + id
                + " has no remote to push to: set harvest.remote in " + job.repo().resolve("logist.yml")
                + " (or --set harvest.remote=NAME) when you create a job, naming a remote of " + job.repo()
                + " such as origin; or harvest with --branch or --patch"));
        workspaces.push(job.repo(), remote, job.branch());
        return "pushed " + job.branch() + " (" + range + ") of job " + id + " to remote '" + remote + "' as refs/heads/"
                + job.branch();
    }

    /** The job branch's last commit in the source repository; the base while the branch does not exist yet. */
    private String head(JobInfo job) {
        return workspaces.branchExists(job.repo(), job.branch())
                ? workspaces.resolveCommit(job.repo(), "refs/heads/" + job.branch())
                : job.baseCommit();
    }

    private static String abbreviated(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
    }
}
