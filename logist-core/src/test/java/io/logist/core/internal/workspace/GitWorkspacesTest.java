package io.logist.core.internal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logist.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorkspacesTest {
    private static final String BRANCH = "logist/x";

    @TempDir
    Path tmp;

    private GitFixture fixture;
    private GitWorkspaces workspaces;
    private Path repo;
    private Path workspace;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new GitFixture(Files.createDirectories(tmp.resolve("home")));
        workspaces = fixture.workspaces();
        repo = fixture.init(tmp.resolve("repo"));
        workspace = tmp.resolve("jobs/x/workspace");
    }

    @Test
    void checkpointsArePublishedOnTheJobBranchOfTheSourceRepository() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");

        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String first = workspaces.checkpoint(repo, workspace, BRANCH, "logist x step 1 (worker): change a");
        Files.writeString(workspace.resolve("b.txt"), "new\n");
        String second = workspaces.checkpoint(repo, workspace, BRANCH, "logist x step 2 (supervisor): review");

        assertThat(git(repo, "log", "--format=%H", BRANCH).lines()).containsExactly(second, first, base);
        assertThat(git(repo, "log", "-1", "--format=%B", first)).isEqualTo("logist x step 1 (worker): change a");
        assertThat(git(repo, "show", first + ":a.txt")).isEqualTo("two");
        assertThat(workspaces.head(workspace)).isEqualTo(second);
        assertThat(git(workspace, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/" + BRANCH);
    }

    @Test
    void commitsAreMadeAsLogistWithoutAnyGitIdentityConfigured() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        assertThat(fixture.home.resolve(".gitconfig")).doesNotExist();

        workspaces.provision(repo, workspace, BRANCH, base);
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        assertThat(git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>", commit))
                .isEqualTo("Logist <logist@localhost>|Logist <logist@localhost>");
    }

    @Test
    void theSourceRepositoryIsUntouchedExceptForTheNewBranch() throws Exception {
        fixture.commit(repo, "tracked.txt", "committed\n", "first");
        String base = fixture.commit(repo, "staged.txt", "committed\n", "second");
        Files.writeString(repo.resolve("tracked.txt"), "modified, not staged\n");
        Files.writeString(repo.resolve("staged.txt"), "modified and staged\n");
        Files.writeString(repo.resolve("new-staged.txt"), "new and staged\n");
        git(repo, "add", "staged.txt", "new-staged.txt");
        Files.writeString(repo.resolve("untracked.txt"), "untracked\n");
        SourceState before = stateOf(repo);
        assertThat(before.status()).contains(" M tracked.txt", "M  staged.txt", "A  new-staged.txt", "?? untracked.txt");

        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("tracked.txt"), "changed by the agent\n");
        workspaces.checkpoint(repo, workspace, BRANCH, "step 1");
        workspaces.checkpoint(repo, workspace, BRANCH, "step 2");

        assertThat(stateOf(repo)).isEqualTo(before);
        assertThat(workspaces.branchExists(repo, BRANCH)).isTrue();
        assertThat(workspace.resolve("tracked.txt")).hasContent("changed by the agent");
        assertThat(workspace.resolve("staged.txt")).hasContent("committed");
        assertThat(workspace.resolve("untracked.txt")).doesNotExist();
        assertThat(workspace.resolve("new-staged.txt")).doesNotExist();
    }

    @Test
    void theWorkspaceHasNoRemoteToReachTheSourceRepository() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");

        workspaces.provision(repo, workspace, BRANCH, base);

        assertThat(git(workspace, "remote")).isEmpty();
        assertThat(git(workspace, "for-each-ref", "refs/remotes")).isEmpty();
    }

    @Test
    void theLogistDirectoryIsNeverCommitted() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        Files.createDirectories(workspace.resolve(".logist"));
        Files.writeString(workspace.resolve(".logist/verdict.json"), "{\"action\": \"COMPLETED\"}");
        Files.writeString(workspace.resolve("work.txt"), "done\n");

        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        assertThat(git(repo, "ls-tree", "-r", "--name-only", commit).lines()).containsExactly("a.txt", "work.txt");
        assertThat(git(workspace, "status", "--porcelain")).isEmpty();
    }

    @Test
    void aCheckpointWithoutChangesStillMakesACommit() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);

        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1 (worker): nothing to do");

        assertThat(commit).isNotEqualTo(base);
        assertThat(git(repo, "rev-parse", commit + "^")).isEqualTo(base);
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(commit);
        assertThat(git(repo, "diff", "--name-only", base, commit)).isEmpty();
    }

    @Test
    void theUsersHooksAndTemplatesNeverRun() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        Path markers = tmp.resolve("hooks-that-ran");
        Path userHooks = writeHooks(tmp.resolve("user-hooks"), markers,
                "pre-commit", "commit-msg", "post-commit", "pre-push", "post-checkout", "reference-transaction");
        Path templates = tmp.resolve("templates");
        writeHooks(templates.resolve("hooks"), markers, "pre-commit", "post-checkout", "pre-push");
        writeHooks(repo.resolve(".git/hooks"), markers,
                "pre-receive", "update", "post-receive", "post-update", "reference-transaction", "post-checkout");
        Files.writeString(fixture.home.resolve(".gitconfig"),
                "[core]\n\thooksPath = " + userHooks + "\n[init]\n\ttemplateDir = " + templates + "\n");

        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        assertThat(markers).doesNotExist();
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(commit);
        assertThat(workspace.resolve(".git/hooks/pre-commit")).doesNotExist();
    }

    @Test
    void repositoryRootOfASubdirectoryIsTheTopOfTheWorkTree() throws Exception {
        Path subdirectory = Files.createDirectories(repo.resolve("src/main"));

        assertThat(workspaces.repositoryRoot(subdirectory).toRealPath()).isEqualTo(repo.toRealPath());
    }

    @Test
    void repositoryRootOfADirectoryOutsideAnyRepositoryIsBadInput() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));

        assertThatThrownBy(() -> workspaces.repositoryRoot(plain))
                .isInstanceOf(BadInputException.class)
                .hasMessage("'" + plain + "' is not a git repository: run `git init` there or pass --repo <dir>");
    }

    @Test
    void repositoryRootOfAMissingDirectoryIsBadInput() {
        Path missing = tmp.resolve("missing");

        assertThatThrownBy(() -> workspaces.repositoryRoot(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage("'" + missing + "' is not a git repository: run `git init` there or pass --repo <dir>");
    }

    @Test
    void resolveCommitFindsBranchesTagsAndHead() throws Exception {
        String first = fixture.commit(repo, "a.txt", "one\n", "first");
        git(repo, "tag", "v1");
        String second = fixture.commit(repo, "a.txt", "two\n", "second");

        assertThat(workspaces.resolveCommit(repo)).isEqualTo(second);
        assertThat(workspaces.resolveCommit(repo, "main")).isEqualTo(second);
        assertThat(workspaces.resolveCommit(repo, "v1")).isEqualTo(first);
        assertThat(workspaces.resolveCommit(repo, "HEAD~1")).isEqualTo(first);
    }

    @Test
    void resolveCommitOfAnUnknownRefIsBadInputNamingTheRef() throws Exception {
        fixture.commit(repo, "a.txt", "one\n", "first");

        assertThatThrownBy(() -> workspaces.resolveCommit(repo, "no-such-branch"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'no-such-branch' does not name a commit in '" + repo + "'");
    }

    @Test
    void resolveCommitInAnEmptyRepositorySaysToMakeAFirstCommit() {
        assertThatThrownBy(() -> workspaces.resolveCommit(repo, "HEAD"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'HEAD'")
                .hasMessageContaining("make a first commit");
    }

    @Test
    void branchExistsOnceTheWorkspaceIsProvisioned() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        assertThat(workspaces.branchExists(repo, BRANCH)).isFalse();

        workspaces.provision(repo, workspace, BRANCH, base);

        assertThat(workspaces.branchExists(repo, BRANCH)).isTrue();
        assertThat(workspaces.branchExists(repo, "logist/other")).isFalse();
    }

    @Test
    void provisionStartsAtTheGivenBaseRatherThanTheCurrentHead() throws Exception {
        String base = fixture.commit(repo, "a.txt", "old\n", "first");
        fixture.commit(repo, "a.txt", "new\n", "second");

        workspaces.provision(repo, workspace, BRANCH, base);

        assertThat(workspace.resolve("a.txt")).hasContent("old");
        assertThat(workspaces.head(workspace)).isEqualTo(base);
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(base);
    }

    @Test
    void provisionAgainChangesNothing() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        workspaces.provision(repo, workspace, BRANCH, base);

        assertThat(workspaces.head(workspace)).isEqualTo(commit);
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(commit);
        assertThat(workspace.resolve("a.txt")).hasContent("two");
        assertThat(Files.readAllLines(workspace.resolve(".git/info/exclude"))).containsOnlyOnce(".logist/");
    }

    @Test
    void provisionFinishesAWorkspaceThatACrashLeftJustCloned() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        Files.createDirectories(workspace.getParent());
        git(workspace.getParent(), "clone", "--quiet", repo.toString(), workspace.toString());

        workspaces.provision(repo, workspace, BRANCH, base);

        assertThat(git(workspace, "symbolic-ref", "HEAD")).isEqualTo("refs/heads/" + BRANCH);
        assertThat(git(workspace, "remote")).isEmpty();
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(base);
    }

    @Test
    void provisionRefusesADirectoryHoldingSomethingElse() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        Files.createDirectories(workspace);
        Files.writeString(workspace.resolve("notes.txt"), "mine\n");

        assertThatThrownBy(() -> workspaces.provision(repo, workspace, BRANCH, base))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("'" + workspace + "' already exists and is not a job workspace");
        assertThat(workspaces.branchExists(repo, BRANCH)).isFalse();
    }

    @Test
    void provisionRefusesAnInvalidBranchName() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");

        assertThatThrownBy(() -> workspaces.provision(repo, workspace, "logist/bad..name", base))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'logist/bad..name' is not a valid git branch name");
        assertThat(workspace).doesNotExist();
    }

    @Test
    void publishingIsRefusedWhileTheSourceRepositoryHasTheBranchCheckedOut() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        git(repo, "switch", "--quiet", BRANCH);
        Files.writeString(workspace.resolve("a.txt"), "two\n");

        assertThatThrownBy(() -> workspaces.checkpoint(repo, workspace, BRANCH, "step 1"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("cannot update branch '" + BRANCH + "'")
                .hasMessageContaining("checked out")
                .hasMessageContaining("git switch -");
        assertThat(git(repo, "rev-parse", BRANCH)).isEqualTo(base);
        assertThat(repo.resolve("a.txt")).hasContent("one");
    }

    @Test
    void publishingReplacesTheBranchAfterTheWorkspaceWasRewound() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "two\n");
        String abandoned = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");
        git(workspace, "reset", "--quiet", "--hard", base);

        Files.writeString(workspace.resolve("a.txt"), "three\n");
        String replacement = workspaces.checkpoint(repo, workspace, BRANCH, "step 1 again");

        assertThat(git(repo, "log", "--format=%H", BRANCH).lines()).containsExactly(replacement, base)
                .doesNotContain(abandoned);
    }

    @Test
    void diffShowsTheChangedLinesAndSummarisesBinaryFiles() throws Exception {
        String base = fixture.commit(repo, "a.txt", "unchanged\nold line\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "unchanged\nnew line\n");
        Files.write(workspace.resolve("image.bin"), new byte[] {0, 1, 2, 0, (byte) 0xff});
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");

        String diff = workspaces.diff(workspace, base, commit, 10_000);

        assertThat(diff).contains(" a.txt ", "-old line", "+new line", "Binary files /dev/null and b/image.bin differ")
                .doesNotContain("diff cut");
    }

    @Test
    void diffIsCutAtMaxCharsWithANote() throws Exception {
        String base = fixture.commit(repo, "a.txt", "one\n", "base");
        workspaces.provision(repo, workspace, BRANCH, base);
        Files.writeString(workspace.resolve("a.txt"), "changed line\n".repeat(500));
        String commit = workspaces.checkpoint(repo, workspace, BRANCH, "step 1");
        String whole = workspaces.diff(workspace, base, commit, Integer.MAX_VALUE);

        String cut = workspaces.diff(workspace, base, commit, 1_000);

        assertThat(whole.length()).isGreaterThan(5_000);
        assertThat(cut.length()).isLessThanOrEqualTo(1_000);
        assertThat(cut).contains("[diff cut: it has " + whole.length() + " characters", "+changed line\n");
        assertThat(whole).startsWith(cut.substring(0, cut.indexOf("\n[diff cut")));
    }

    @Test
    void cutKeepsWholeLinesAndTheNoteEvenWhenThereIsNoRoomForText() {
        String diff = "first line\nsecond line\n".repeat(100);

        assertThat(GitWorkspaces.cut(diff, 0, "a", "b")).startsWith("\n[diff cut");
        assertThat(GitWorkspaces.cut(diff, diff.length(), "a", "b")).isEqualTo(diff);
        String cut = GitWorkspaces.cut(diff, 400, "a", "b");
        assertThat(cut.substring(0, cut.indexOf("\n[diff cut"))).endsWith("second line\n");
    }

    private String git(Path dir, String... args) {
        return fixture.git(dir, args);
    }

    private static Path writeHooks(Path directory, Path markers, String... names) throws Exception {
        Files.createDirectories(directory);
        for (String name : names) {
            Path hook = directory.resolve(name);
            Files.writeString(hook, "#!/bin/sh\necho \"" + name + " in $PWD\" >> '" + markers + "'\nexit 1\n");
            assertThat(hook.toFile().setExecutable(true)).isTrue();
        }
        return directory;
    }

    private SourceState stateOf(Path repository) throws Exception {
        byte[] index = Files.readAllBytes(repository.resolve(".git/index"));
        List<String> otherRefs = git(repository, "for-each-ref", "--format=%(refname) %(objectname)").lines()
                .filter(ref -> !ref.startsWith("refs/heads/logist/"))
                .toList();
        return new SourceState(
                git(repository, "--no-optional-locks", "status", "--porcelain", "--untracked-files=all"),
                git(repository, "rev-parse", "HEAD"),
                git(repository, "symbolic-ref", "HEAD"),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(index)),
                otherRefs,
                Files.readString(repository.resolve(".git/config")),
                Files.exists(repository.resolve(".git/FETCH_HEAD")));
    }

    private record SourceState(String status, String head, String currentBranch, String indexSha256,
                               List<String> otherRefs, String config, boolean hasFetchHead) {
    }
}
