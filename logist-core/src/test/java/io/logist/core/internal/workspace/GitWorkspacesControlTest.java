package io.logist.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What job control does with git: resets for restep, patches and branches for harvest, removal for clean. */
class GitWorkspacesControlTest {
    private static final String BRANCH = "logist/x";

    @TempDir
    Path tmp;

    private GitFixture fixture;
    private GitWorkspaces workspaces;
    private Path repo;
    private Path workspace;
    private String base;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new GitFixture(Files.createDirectories(tmp.resolve("home")));
        workspaces = fixture.workspaces();
        repo = fixture.init(tmp.resolve("repo"));
        workspace = tmp.resolve("jobs/x/workspace");
        base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
    }

    @Test
    void resetToMovesTheWorkspaceAndTheBranchBackAndRemovesEverythingElse() throws Exception {
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String first = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");
        Files.writeString(workspace.resolve("b.txt"), "new\n");
        workspaces.checkpoint(repo, workspace, BRANCH, "step 2");
        Files.writeString(workspace.resolve("a.txt"), "uncommitted\n");
        Files.writeString(workspace.resolve("untracked.txt"), "left\n");
        Files.createDirectories(workspace.resolve(".logist"));
        Files.writeString(workspace.resolve(".logist/verdict.json"), "{}");

        workspaces.resetTo(repo, workspace, BRANCH, first);

        assertThat(workspace.resolve("a.txt")).hasContent("two");
        assertThat(workspace.resolve("b.txt")).doesNotExist();
        assertThat(workspace.resolve("untracked.txt")).doesNotExist();
        assertThat(workspace.resolve(".logist")).doesNotExist();
        assertThat(fixture.git(workspace, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/" + BRANCH);
        assertThat(fixture.git(repo, "rev-parse", BRANCH)).isEqualTo(first);

        Files.createDirectories(workspace.resolve(".logist"));
        Files.writeString(workspace.resolve(".logist/verdict.json"), "{}");
        String next = workspaces.checkpoint(repo, workspace, BRANCH, "step 2 again");
        assertThat(fixture.git(repo, "rev-parse", next + "^")).isEqualTo(first);
        assertThat(fixture.git(repo, "ls-tree", "-r", "--name-only", next)).isEqualTo("a.txt");
    }

    @Test
    void resetToProvisionsAMissingWorkspaceAtTheCommit() throws Exception {
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String first = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");
        workspaces.remove(workspace);
        assertThat(workspace).doesNotExist();

        workspaces.resetTo(repo, workspace, BRANCH, first);

        assertThat(workspace.resolve("a.txt")).hasContent("two");
        assertThat(workspaces.head(workspace)).isEqualTo(first);
    }

    @Test
    void changedComparesTreesNotCommits() throws Exception {
        String empty = workspaces.checkpoint(repo, workspace, BRANCH, "nothing");
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String changed = workspaces.checkpoint(repo, workspace, BRANCH, "something");

        assertThat(workspaces.changed(repo, base, empty)).isFalse();
        assertThat(workspaces.changed(repo, base, changed)).isTrue();
        assertThat(workspaces.unifiedDiff(repo, base, changed)).contains("-one", "+two");
    }

    @Test
    void aBranchIsCreatedOnceAndOnlyWithAValidName() throws Exception {
        String head = fixture.git(repo, "rev-parse", "HEAD");
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        workspaces.createBranch(repo, "result", commit);

        assertThat(fixture.git(repo, "rev-parse", "result")).isEqualTo(commit);
        assertThat(fixture.git(repo, "rev-parse", "HEAD")).isEqualTo(head);
        assertThatThrownBy(() -> workspaces.createBranch(repo, "result", base))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'result' already exists");
        assertThat(fixture.git(repo, "rev-parse", "result")).isEqualTo(commit);
        assertThatThrownBy(() -> workspaces.createBranch(repo, "-x", commit)).isInstanceOf(BadInputException.class);
    }

    @Test
    void pushSendsTheBranchToANamedRemoteOnly() throws Exception {
        Path remote = tmp.resolve("remote.git");
        fixture.git(tmp, "init", "--quiet", "--bare", remote.toString());
        fixture.git(repo, "remote", "add", "origin", remote.toString());
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        workspaces.push(repo, "origin", BRANCH);

        assertThat(fixture.git(remote, "rev-parse", "refs/heads/" + BRANCH)).isEqualTo(commit);
        assertThatThrownBy(() -> workspaces.push(repo, "upstream", BRANCH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no remote 'upstream'");
    }
}
