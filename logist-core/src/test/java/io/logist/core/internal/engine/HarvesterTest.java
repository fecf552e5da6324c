package io.logist.core.internal.engine;

import static io.logist.core.internal.engine.EngineFixture.git;
import static io.logist.core.internal.engine.EngineFixture.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import io.logist.Harvest;
import io.logist.JobId;
import io.logist.JobInfo;
import io.logist.JobStatus;
import io.logist.spi.Observer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code diff} and {@code harvest}: the job's change, shown and exported. */
class HarvesterTest extends EngineTestCase {
    /** A text change and a binary file. */
    private static final String WORKER = "printf 'changed\\n' > README.md; printf '\\000\\001\\377' > bin.dat; "
            + verdict("COMPLETED", "changed the readme");
    private static final String SUPERVISOR = verdict("COMPLETED", "fine");


    private JobInfo finishedJob(String... settings) {
        JobId id = fixture.job(WORKER, SUPERVISOR, settings);
        assertThat(logist.run(id, Observer.NOOP).status()).isEqualTo(JobStatus.SUCCESS);
        return logist.status(id);
    }

    @Test
    void theDiffShowsTheWholeChangeSinceTheBase() {
        JobInfo job = finishedJob();

        String diff = logist.diff(job.id());

        assertThat(diff).contains("diff --git a/README.md b/README.md", "-hello", "+changed",
                "diff --git a/bin.dat b/bin.dat", "Binary files /dev/null and b/bin.dat differ");
    }

    @Test
    void aPatchAppliesWithGitApplyOnTheBaseInAFreshClone() throws Exception {
        JobInfo job = finishedJob();
        Path patch = dir.resolve("change.patch");

        String where = logist.harvest(job.id(), new Harvest.Patch(patch));

        assertThat(where).contains(patch.toString());
        Path clone = dir.resolve("clone");
        git(dir, "clone", "--quiet", fixture.repo.toString(), clone.toString());
        git(clone, "checkout", "--quiet", job.baseCommit());
        git(clone, "apply", "--check", patch.toString());
        git(clone, "apply", patch.toString());
        assertThat(clone.resolve("README.md")).hasContent("changed");
        assertThat(Files.readAllBytes(clone.resolve("bin.dat"))).containsExactly(0, 1, 0xff);
        assertThatThrownBy(() -> logist.harvest(job.id(), new Harvest.Patch(dir.resolve("missing/change.patch"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aBranchIsCreatedInTheSourceRepositoryAtTheJobsLastCommit() throws Exception {
        JobInfo job = finishedJob();
        String head = git(fixture.repo, "rev-parse", "HEAD");

        String where = logist.harvest(job.id(), new Harvest.Branch("feature/readme"));

        assertThat(where).contains("feature/readme");
        assertThat(git(fixture.repo, "rev-parse", "feature/readme")).isEqualTo(git(fixture.repo, "rev-parse",
                job.branch()));
        assertThat(git(fixture.repo, "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(git(fixture.repo, "status", "--porcelain")).isEmpty();
        assertThatThrownBy(() -> logist.harvest(job.id(), new Harvest.Branch("feature/readme")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> logist.harvest(job.id(), new Harvest.Branch("bad..name")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a valid git branch name");
    }

    @Test
    void thePushGoesToTheConfiguredRemote() throws Exception {
        Path remote = dir.resolve("remote.git");
        git(dir, "init", "--quiet", "--bare", remote.toString());
        git(fixture.repo, "remote", "add", "origin", remote.toString());
        JobInfo job = finishedJob("harvest.remote", "origin");

        String where = logist.harvest(job.id(), new Harvest.Push());

        assertThat(where).contains("'origin'", job.branch());
        assertThat(git(remote, "rev-parse", "refs/heads/" + job.branch()))
                .isEqualTo(git(fixture.repo, "rev-parse", job.branch()));
    }

    @Test
    void aPushNeedsAConfiguredRemoteThatExists() {
        JobInfo unconfigured = finishedJob();
        assertThatThrownBy(() -> logist.harvest(unconfigured.id(), new Harvest.Push()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("set harvest.remote");

        JobInfo unknown = finishedJob("harvest.remote", "upstream");
        assertThatThrownBy(() -> logist.harvest(unknown.id(), new Harvest.Push()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no remote 'upstream'");
    }

    @Test
    void aJobWithoutChangeHasNothingToHarvest() {
        JobId fresh = fixture.job(WORKER, SUPERVISOR);
        assertThat(logist.diff(fresh)).isEmpty();
        assertThatThrownBy(() -> logist.harvest(fresh, new Harvest.Patch(dir.resolve("none.patch"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no change to harvest");

        JobId idle = fixture.job(verdict("COMPLETED", "nothing to do"), SUPERVISOR);
        logist.run(idle, Observer.NOOP);
        assertThatThrownBy(() -> logist.harvest(idle, new Harvest.Branch("nothing")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no change to harvest");
        assertThat(dir.resolve("none.patch")).doesNotExist();
    }
}
